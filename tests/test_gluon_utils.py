"""gluon.utils: split_data / split_and_load, clip_global_norm (one compiled call), sha1
checks and the offline download. (MXNet's printed output: golden area gluon_utils.)"""
from __future__ import annotations

import hashlib
import os
import warnings

import numpy as np
import pytest

import mxcompat as mx
from mxcompat import nd
from mxcompat.base import MXNetError
from mxcompat.gluon import utils as U


def test_split_data_sizes_and_values():
    x = nd.arange(20).reshape((5, 4))
    parts = U.split_data(x, 3, even_split=False)
    assert [p.shape for p in parts] == [(2, 4), (2, 4), (1, 4)]
    np.testing.assert_array_equal(np.concatenate([p.asnumpy() for p in parts]), x.asnumpy())
    cols = U.split_data(x, 3, batch_axis=1, even_split=False)
    assert [p.shape for p in cols] == [(5, 2), (5, 1), (5, 1)]
    np.testing.assert_array_equal(np.concatenate([p.asnumpy() for p in cols], 1), x.asnumpy())
    assert [p.shape for p in U.split_data(x, 7, even_split=False)][-2:] == [(0, 4), (0, 4)]
    assert len(U.split_data(x, 1)) == 1


def test_split_data_uneven_error():
    with pytest.raises(ValueError, match=r"data with shape \(5, 2\) cannot be evenly split "
                                         r"into 2 slices along axis 0\. Use a batch size "
                                         r"that's multiple of 2"):
        U.split_data(nd.ones((5, 2)), 2)


def test_split_and_load_contexts_and_numpy_input():
    ctxs = [mx.cpu(0), mx.cpu(1)]
    parts = U.split_and_load(np.arange(6, dtype="float64").reshape(3, 2), ctxs,
                             even_split=False)
    assert [p.context for p in parts] == ctxs
    assert [p.shape for p in parts] == [(2, 2), (1, 2)]
    assert parts[0].dtype == np.float32           # nd.array's default dtype, as MXNet
    one = U.split_and_load(nd.ones((3, 2)), [mx.cpu(1)])
    assert len(one) == 1 and one[0].shape == (3, 2) and one[0].context == mx.cpu(1)


def test_clip_global_norm_values_in_place_and_one_compilation():
    a, b = nd.array([3.0, 4.0]), nd.array([[12.0]])
    before = U._clip._cache_size()
    norm = U.clip_global_norm([a, b], 1.0)
    assert isinstance(norm, np.float32) and norm == 13.0
    np.testing.assert_allclose(a.asnumpy(), [3 / 13, 4 / 13], rtol=1e-6)
    np.testing.assert_allclose(b.asnumpy(), [[12 / 13]], rtol=1e-6)
    # other values and max_norm: the same compiled function
    c, d = nd.array([1.0, 2.0]), nd.array([[0.5]])
    U.clip_global_norm([c, d], 7.0)
    assert U._clip._cache_size() == before + 1
    np.testing.assert_allclose(c.asnumpy(), [1.0, 2.0])      # below max_norm: unchanged
    r = U.clip_global_norm([c], 1.0, check_isfinite=False)
    assert isinstance(r, nd.NDArray) and r.shape == (1,)


def test_clip_global_norm_nonfinite_and_dtype():
    a, b = nd.array([np.inf, 4.0]), nd.array([1.0, 2.0])
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter("always")
        norm = U.clip_global_norm([a, b], 1.0)
    assert np.isinf(norm)
    assert any("nan or inf is detected" in str(x.message) for x in w)
    np.testing.assert_array_equal(b.asnumpy(), [0.0, 0.0])
    a = nd.array([np.nan, 1.0])
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        assert np.isnan(U.clip_global_norm([a], 1.0))
    assert np.isnan(a.asnumpy()).all()
    f64 = nd.array([3.0, 4.0], dtype="float64")
    with pytest.raises(MXNetError, match="Non-uniform data type in Concat, expected data "
                                         "type float64, got data type float32 for input 1"):
        U.clip_global_norm([f64], 1.0)
    np.testing.assert_array_equal(f64.asnumpy(), [3.0, 4.0])


def test_clip_global_norm_under_autograd_grads():
    w = nd.array([[3.0, 4.0]])
    w.attach_grad()
    with mx.autograd.record():
        y = (w * w).sum()
    y.backward()
    U.clip_global_norm([w.grad], 5.0)
    np.testing.assert_allclose(w.grad.asnumpy(), [[3.0, 4.0]], rtol=1e-6)


def test_check_sha1_and_offline_download(tmp_path):
    f = tmp_path / "data.bin"
    f.write_bytes(b"abc" * 100)
    good = hashlib.sha1(b"abc" * 100).hexdigest()
    assert U.check_sha1(str(f), good) and not U.check_sha1(str(f), "0" * 40)
    url = "http://example.invalid/files/data.bin"
    assert U.download(url, path=str(f)) == str(f)
    assert U.download(url, path=str(tmp_path)) == os.path.join(str(tmp_path), "data.bin")
    assert U.download(url, path=str(f), sha1_hash=good) == str(f)
    with pytest.raises(RuntimeError, match="Failed downloading url http://example.invalid"):
        U.download(url, path=str(f), sha1_hash="0" * 40)
    with pytest.raises(RuntimeError, match="data.bin"):
        U.download(url, path=str(f), overwrite=True)
    with pytest.raises(RuntimeError, match="missing.bin"):
        U.download("http://example.invalid/missing.bin", path=str(tmp_path))
    with pytest.raises(AssertionError, match="Can't construct file-name"):
        U.download("http://example.invalid/")
    with pytest.raises(AssertionError, match="Number of retries should be at least 0"):
        U.download(url, path=str(f), retries=-1)


def test_repo_urls_and_shape_is_known(monkeypatch):
    monkeypatch.setenv("MXNET_GLUON_REPO", "http://mirror.example")
    assert U._get_repo_file_url("gluon/models", "a.params") == \
        "http://mirror.example/gluon/models/a.params"
    assert U.shape_is_known((2, 3)) and not U.shape_is_known((2, 0))
    assert not U.shape_is_known(()) and not U.shape_is_known(None)
    assert U._brief_print_list(range(10)) == "'0', '1', '2', ..., '6', '7', '8', '9'"
