"""gluon.data: worker pools, shuffling, the standard dataset files, RecordIO."""
import gzip
import os
import struct

import numpy as np
import pytest

import mxcompat as mx
from mxcompat.gluon import data as gdata
from mxcompat.gluon.data.vision import CIFAR10, CIFAR100, MNIST, FashionMNIST


def _batches(loader):
    return [[a.asnumpy() for a in b] for b in loader]


def test_workers_match_single_process():
    ds = gdata.ArrayDataset(mx.nd.arange(40).reshape((10, 4)), np.arange(10) * 3)
    ref = _batches(gdata.DataLoader(ds, batch_size=3))
    threads = gdata.DataLoader(ds, batch_size=3, num_workers=2, thread_pool=True)
    procs = gdata.DataLoader(ds, batch_size=3, num_workers=2)
    for loader in (threads, procs):
        for _ in range(2):   # two epochs through the same pool
            got = _batches(loader)
            assert len(got) == len(ref) == len(loader)
            for g, r in zip(got, ref):
                for a, b in zip(g, r):
                    assert a.dtype == b.dtype and np.array_equal(a, b)
    batch = next(iter(procs))
    assert batch[0].context == mx.Context("cpu_shared", 0)


def test_shuffle_follows_seed():
    ds = gdata.SimpleDataset(list(range(20)))
    loader = gdata.DataLoader(ds, batch_size=20, shuffle=True)
    mx.random.seed(7)
    a = next(iter(loader)).asnumpy()
    b = next(iter(loader)).asnumpy()
    mx.random.seed(7)
    c = next(iter(loader)).asnumpy()
    assert sorted(a.tolist()) == list(range(20))
    assert np.array_equal(a, c) and not np.array_equal(a, b)


def _write_idx(path, magic_dims, payload, gz):
    raw = struct.pack(">" + "I" * len(magic_dims), *magic_dims) + payload
    with (gzip.open(path + ".gz", "wb") if gz else open(path, "wb")) as f:
        f.write(raw)


@pytest.mark.parametrize("cls,gz", [(MNIST, True), (FashionMNIST, False)])
def test_mnist_files(tmp_path, cls, gz):
    imgs = (np.arange(3 * 28 * 28) % 251).astype(np.uint8)
    labels = np.array([4, 0, 9], np.uint8)
    root = str(tmp_path)
    _write_idx(os.path.join(root, "t10k-images-idx3-ubyte"), (2051, 3, 28, 28),
               imgs.tobytes(), gz)
    _write_idx(os.path.join(root, "t10k-labels-idx1-ubyte"), (2049, 3), labels.tobytes(), gz)
    ds = cls(root=root, train=False)
    assert len(ds) == 3
    x, y = ds[2]
    assert x.shape == (28, 28, 1) and x.dtype == np.uint8 and y == 9
    assert isinstance(y, np.int32)
    assert np.array_equal(x.asnumpy().ravel(), imgs[2 * 784:3 * 784])
    with pytest.raises(FileNotFoundError, match="train-images-idx3-ubyte.gz"):
        cls(root=root, train=True)


def test_cifar_files(tmp_path):
    root = str(tmp_path)
    rows = np.zeros((2, 3074), np.uint8)
    rows[:, 0] = [3, 5]            # coarse
    rows[:, 1] = [30, 50]          # fine
    rows[:, 2:] = (np.arange(2 * 3072).reshape(2, 3072) % 256)
    rows.tofile(os.path.join(root, "test.bin"))
    coarse, fine = CIFAR100(root=root, train=False), CIFAR100(root=root, train=False,
                                                            fine_label=True)
    assert coarse[1][1] == 5 and fine[1][1] == 50
    img = coarse[0][0].asnumpy()
    assert img.shape == (32, 32, 3)
    assert np.array_equal(img, rows[0, 2:].reshape(3, 32, 32).transpose(1, 2, 0))
    c10 = np.concatenate([rows[:, :1], rows[:, 2:]], axis=1)
    c10.tofile(os.path.join(root, "test_batch.bin"))
    ds = CIFAR10(root=root, train=False, transform=lambda d, l: (d.astype("float32"), l + 1))
    assert ds[1][1] == 6 and ds[1][0].dtype == np.float32
    with pytest.raises(FileNotFoundError, match="data_batch_1.bin"):
        CIFAR10(root=root, train=True)


def test_recordio_bytes_and_dataset(tmp_path):
    rec = str(tmp_path / "t.rec")
    w = mx.recordio.MXRecordIO(rec, "w")
    magic = struct.pack("<I", 0xced7230a)
    for item in (b"ab", b"abcd" + magic + b"xyz", magic, b""):
        w.write(item)
    w.close()
    # the bytes MXNet 1.9.1 writes for these records
    assert open(rec, "rb").read().hex() == (
        "0a23d7ce02000000616200000a23d7ce04000020616263640a23d7ce0300006078797a00"
        "0a23d7ce000000200a23d7ce000000600a23d7ce00000000")
    r = mx.recordio.MXRecordIO(rec, "r")
    assert [r.read() for _ in range(5)] == [b"ab", b"abcd" + magic + b"xyz", magic, b"", None]
    r.close()
    with pytest.raises(RuntimeError, match="Forbidden operation"):
        r.read()
    idx = str(tmp_path / "i.idx")
    w = mx.recordio.MXIndexedRecordIO(idx, str(tmp_path / "i.rec"), "w")
    w.write_idx(3, b"hello")
    w.write_idx(1, mx.recordio.pack(mx.recordio.IRHeader(0, [1.5, 2], 7, 0), b"zz"))
    w.close()
    assert open(idx).read() == "3\t0\n1\t16\n"
    ds = gdata.RecordFileDataset(str(tmp_path / "i.rec"))
    assert len(ds) == 2 and ds[0] == b"hello"
    header, payload = mx.recordio.unpack(ds[1])
    assert header.flag == 2 and header.label.tolist() == [1.5, 2.0] and payload == b"zz"
