"""mx.io beyond the golden snippets: shuffling from mxcompat's random source,
PrefetchingIter threads, CSVIter reading and errors, the iterators not provided."""
from __future__ import annotations

import gc
import threading

import numpy as np
import pytest

import mxcompat as mx
from mxcompat._backend import rng

nd = mx.nd


@pytest.fixture(autouse=True)
def _seeded():
    rng.set_stream("jax")
    mx.random.seed(0)
    yield


def _epoch(it):
    out = [(b.data[0].asnumpy().copy(), b.label[0].asnumpy().copy()) for b in it]
    it.reset()
    return out


def _order(it):
    return np.concatenate([lab for _, lab in _epoch(it)]).tolist()


# --------------------------------------------------------------------------- shuffle
def test_shuffle_is_reproducible_after_seed_and_keeps_pairs():
    data = nd.arange(40).reshape((20, 2))
    label = nd.arange(20)
    mx.random.seed(7)
    a = mx.io.NDArrayIter(data, label, batch_size=5, shuffle=True)
    first = [_order(a) for _ in range(3)]
    mx.random.seed(7)
    b = mx.io.NDArrayIter(data, label, batch_size=5, shuffle=True)
    assert [_order(b) for _ in range(3)] == first
    mx.random.seed(8)
    c = mx.io.NDArrayIter(data, label, batch_size=5, shuffle=True)
    assert _order(c) != first[0]
    # every epoch is a permutation, epochs differ, data rows stay with their labels
    assert all(sorted(o) == list(range(20)) for o in first)
    assert first[0] != first[1]
    for x, y in _epoch(a):
        np.testing.assert_array_equal(x[:, 0], 2 * y)


def test_shuffle_without_shuffle_keeps_order_and_dtype():
    it = mx.io.NDArrayIter(nd.arange(6, dtype="int32"), batch_size=3)
    assert it.provide_data[0].dtype == np.int32
    assert [b.data[0].asnumpy().tolist() for b in it] == [[0, 1, 2], [3, 4, 5]]
    # as in MXNet, shuffled arrays are rebuilt as float32
    it = mx.io.NDArrayIter(nd.arange(6, dtype="int32"), batch_size=3, shuffle=True)
    assert it.provide_data[0].dtype == np.float32


def test_shuffle_on_other_context():
    ctx = mx.cpu(1)
    it = mx.io.NDArrayIter(nd.arange(8, ctx=ctx), batch_size=4, shuffle=True)
    batch = it.next()
    assert batch.data[0].context == ctx


# --------------------------------------------------------------------------- prefetching
def test_prefetching_iter_matches_plain_iteration():
    def make():
        return [mx.io.NDArrayIter(nd.arange(14).reshape((7, 2)), nd.arange(7), batch_size=3),
                mx.io.NDArrayIter(nd.arange(7) * 3, batch_size=3, data_name="x",
                                  label_name="y")]
    plain = [[(b.data[0].asnumpy().tolist(), b.pad) for b in it] for it in make()]
    pre = mx.io.PrefetchingIter(make())
    for _ in range(2):
        got = [(b.data[0].asnumpy().tolist(), b.data[1].asnumpy().tolist(), b.pad) for b in pre]
        assert [(g[0], g[2]) for g in got] == plain[0]
        assert [(g[1], g[2]) for g in got] == plain[1]
        pre.reset()


def test_prefetching_iter_passes_errors_and_stops_threads():
    class Broken(mx.io.DataIter):
        provide_data = [mx.io.DataDesc("data", (2,))]
        provide_label = []

        def next(self):
            raise RuntimeError("broken source")

    pre = mx.io.PrefetchingIter(Broken())
    with pytest.raises(RuntimeError, match="broken source"):
        pre.next()
    threads = list(pre.prefetch_threads)
    del pre
    gc.collect()
    for t in threads:
        t.join(timeout=5)
        assert not t.is_alive()
    assert threading.active_count() < 50


# --------------------------------------------------------------------------- CSVIter
def _write(path, rows):
    path.write_text("\n".join(",".join(str(v) for v in r) for r in rows) + "\n")
    return str(path)


def test_csv_iter_reads_large_file_in_order(tmp_path):
    rows = np.arange(3000 * 4).reshape(3000, 4) % 97
    data = _write(tmp_path / "d.csv", rows)
    label = _write(tmp_path / "l.csv", (np.arange(3000) % 10)[:, None])
    it = mx.io.CSVIter(data_csv=data, data_shape=(2, 2), label_csv=label, batch_size=256)
    got = [(b.data[0].asnumpy(), b.label[0].asnumpy(), b.pad) for b in it]
    assert len(got) == 12 and got[-1][2] == 12 * 256 - 3000
    stacked = np.concatenate([g[0] for g in got])[:3000].reshape(3000, 4)
    np.testing.assert_array_equal(stacked, rows)
    np.testing.assert_array_equal(np.concatenate([g[1] for g in got])[:3000],
                                  np.arange(3000) % 10)
    assert got[0][0].shape == (256, 2, 2) and got[0][1].shape == (256,)


def test_csv_iter_int_dtype_and_errors(tmp_path):
    data = _write(tmp_path / "d.csv", [[1.7, -2.5], [3, 4], [5, 6]])
    it = mx.io.CSVIter(data_csv=data, data_shape=(2,), batch_size=3, dtype="int32")
    assert it.next().data[0].asnumpy().tolist() == [[1, -2], [3, 4], [5, 6]]
    with pytest.raises(mx.MXNetError, match="number of input must be bigger than batch size"):
        mx.io.CSVIter(data_csv=data, data_shape=(2,), batch_size=7)
    short = _write(tmp_path / "l.csv", [[0], [1]])
    it = mx.io.CSVIter(data_csv=data, data_shape=(2,), label_csv=short, batch_size=2)
    assert it.next().label[0].asnumpy().tolist() == [0, 1]
    with pytest.raises(mx.MXNetError, match="row is smaller than the number of rows"):
        it.next()
    with pytest.raises(TypeError, match="only accept keyword arguments"):
        mx.io.CSVIter(data, data_csv=data, data_shape=(2,), batch_size=1)
    with pytest.raises(mx.MXNetError, match="No such file"):
        mx.io.CSVIter(data_csv=str(tmp_path / "missing.csv"), data_shape=(2,), batch_size=1)


def test_csv_iter_bad_row_fails_when_reached(tmp_path):
    path = tmp_path / "r.csv"
    path.write_text("1,2,3\n4,5,6\n7,8\n")
    it = mx.io.CSVIter(data_csv=str(path), data_shape=(3,), batch_size=1)
    assert it.next().data[0].asnumpy().tolist() == [[1, 2, 3]]
    assert it.next().data[0].asnumpy().tolist() == [[4, 5, 6]]
    with pytest.raises(mx.MXNetError, match=r"\(2 vs. 3\).*specified shape=\[3\]"):
        it.next()


def test_mxdataiter_debug_skip_load(tmp_path):
    data = _write(tmp_path / "d.csv", [[1], [2], [3], [4]])
    it = mx.io.CSVIter(data_csv=data, data_shape=(1,), batch_size=2)
    assert isinstance(it, mx.io.MXDataIter)
    it.next()
    it.debug_skip_load()
    assert [it.next().data[0].asnumpy().ravel().tolist() for _ in range(3)] == [[1, 2]] * 3


def _write_idx(path, arr):
    header = np.array([0x800 + arr.ndim] + list(arr.shape), dtype=">u4")
    path.write_bytes(header.tobytes() + arr.astype(np.uint8).tobytes())
    return str(path)


def test_mnist_iter_shuffle_follows_mx_random_seed(tmp_path):
    img = _write_idx(tmp_path / "img", np.arange(12 * 28 * 28).reshape(12, 28, 28) % 251)
    lab = _write_idx(tmp_path / "lab", np.arange(12) % 10)

    def labels(seed):
        mx.random.seed(seed)
        it = mx.io.MNISTIter(image=img, label=lab, batch_size=4)
        out = [b.label[0].asnumpy().tolist() for b in it]
        it.reset()
        assert [b.label[0].asnumpy().tolist() for b in it] == out  # shuffled once
        return sum(out, [])

    assert labels(3) == labels(3)
    assert sorted(labels(3)) == sorted((np.arange(12) % 10).tolist())
    assert labels(3) != labels(4)
    it = mx.io.MNISTIter(image=img, label=lab, batch_size=5, shuffle=False, flat=True)
    batch = it.next()
    assert batch.data[0].shape == (5, 784)
    np.testing.assert_allclose(batch.data[0].asnumpy()[1, :2], [784 % 251 / 256,
                                                               (784 + 1) % 251 / 256])
    assert len(list(it)) == 1  # 12 images: two full batches, the rest dropped


def test_unavailable_iterators_name_themselves():
    for name in ("ImageRecordIter", "ImageDetRecordIter", "LibSVMIter"):
        with pytest.raises(NotImplementedError, match=name):
            getattr(mx.io, name)(batch_size=1)


def test_io_module_namespace():
    assert mx.io.io.NDArrayIter is mx.io.NDArrayIter
    assert issubclass(mx.io.NDArrayIter, mx.io.DataIter)
    d = mx.io.DataDesc("x", (1, 2))
    assert d == ("x", (1, 2)) and d.layout == "NCHW"
