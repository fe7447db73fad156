"""The fused RNN operator beyond the gradient table and the goldens: dropout between
layers, sequence lengths, LSTM state clipping, reduced precision and kernel caching."""
from __future__ import annotations

import numpy as np
import pytest

import mxcompat as mx
from mxcompat import autograd, nd
from mxcompat.ops.registry import get
from mxcompat.ops.rnn import param_size

T, N, C, H = 4, 3, 2, 3


def _inputs(mode, layers=1, bidirectional=False, dtype="float32"):
    dirs = 2 if bidirectional else 1
    x = nd.sin(nd.arange(T * N * C) * 0.9).reshape((T, N, C)).astype(dtype)
    p = (nd.cos(nd.arange(param_size(mode, layers, C, H, bidirectional)) * 1.7) * 0.5)
    h = nd.ones((layers * dirs, N, H), dtype=dtype) * 0.1
    args = [x, p.astype(dtype), h]
    if mode == "lstm":
        args.append(nd.ones((layers * dirs, N, H), dtype=dtype) * -0.2)
    return args


def _kw(mode, layers=1, bidirectional=False, **kw):
    return dict(state_size=H, num_layers=layers, bidirectional=bidirectional, mode=mode,
                state_outputs=True, **kw)


def test_dropout_between_layers_only_in_training():
    args = _inputs("gru", layers=2)
    plain = nd.RNN(*args, **_kw("gru", 2))[0].asnumpy()
    predict = nd.RNN(*args, **_kw("gru", 2, p=0.5))[0].asnumpy()
    np.testing.assert_array_equal(plain, predict)
    mx.random.seed(3)
    with autograd.train_mode():
        a = nd.RNN(*args, **_kw("gru", 2, p=0.5))[0].asnumpy()
        b = nd.RNN(*args, **_kw("gru", 2, p=0.5))[0].asnumpy()
    mx.random.seed(3)
    with autograd.train_mode():
        a2 = nd.RNN(*args, **_kw("gru", 2, p=0.5))[0].asnumpy()
    assert not np.allclose(a, plain) and not np.allclose(a, b)
    np.testing.assert_array_equal(a, a2)  # the seed reproduces the masks
    # one layer: nothing lies between layers, so nothing is dropped
    one = _inputs("gru")
    with autograd.train_mode():
        np.testing.assert_array_equal(nd.RNN(*one, **_kw("gru", 1, p=0.5))[0].asnumpy(),
                                      nd.RNN(*one, **_kw("gru"))[0].asnumpy())


def test_dropout_gradient_in_training():
    args = _inputs("lstm", layers=2)
    args[1].attach_grad()
    with autograd.record():
        out = nd.RNN(*args, **_kw("lstm", 2, p=0.3))[0]
    out.backward()
    g = args[1].grad.asnumpy()
    assert np.all(np.isfinite(g)) and np.abs(g).sum() > 0


@pytest.mark.parametrize("mode", ["lstm", "gru"])
def test_sequence_length_matches_truncated_runs(mode):
    """Steps past a sequence's length give zeros; the final state (both directions) is the
    one a run on the truncated sequence ends with."""
    args = _inputs(mode, bidirectional=True)
    lengths = [2, 4, 1]
    res = nd.RNN(*args, nd.array(lengths), use_sequence_length=True,
                 **_kw(mode, bidirectional=True))
    out = res[0].asnumpy()
    for b, ln in enumerate(lengths):
        sub = [args[0][:ln, b:b + 1], args[1]] + [a[:, b:b + 1] for a in args[2:]]
        ref = nd.RNN(*sub, **_kw(mode, bidirectional=True))
        np.testing.assert_allclose(out[:ln, b], ref[0].asnumpy()[:, 0], rtol=1e-5, atol=1e-6)
        assert np.all(out[ln:, b] == 0)
        for got, want in zip(res[1:], ref[1:]):
            np.testing.assert_allclose(got.asnumpy()[:, b], want.asnumpy()[:, 0],
                                       rtol=1e-5, atol=1e-6)


def test_sequence_length_int_dtype_and_shape_check():
    args = _inputs("rnn_tanh")
    a = nd.RNN(*args, nd.array([4, 4, 4], dtype="int32"), use_sequence_length=True,
               **_kw("rnn_tanh"))
    b = nd.RNN(*args, **_kw("rnn_tanh"))
    np.testing.assert_allclose(a[0].asnumpy(), b[0].asnumpy(), rtol=1e-6)
    with pytest.raises(mx.base.MXNetError, match="Shape inconsistent"):
        nd.RNN(*args, nd.array([1, 2]), use_sequence_length=True, **_kw("rnn_tanh"))


def test_lstm_state_clipping():
    args = _inputs("lstm")
    args[1] = args[1] * 6  # large weights: the cell state grows past the bounds
    free = nd.RNN(*args, **_kw("lstm"))[2].asnumpy()
    assert np.abs(free).max() > 0.5
    clipped = nd.RNN(*args, lstm_state_clip_min=-0.5, lstm_state_clip_max=0.5,
                     **_kw("lstm"))[2].asnumpy()
    assert clipped.min() >= -0.5 and clipped.max() <= 0.5
    assert not np.allclose(free, clipped)


def test_float16_and_float64():
    ref = nd.RNN(*_inputs("gru", 2, True, "float64"), **_kw("gru", 2, True))
    half = nd.RNN(*_inputs("gru", 2, True, "float16"), **_kw("gru", 2, True))
    for r, h in zip(ref, half):
        assert h.dtype == np.float16 and r.dtype == np.float64
        np.testing.assert_allclose(h.asnumpy(), r.asnumpy(), rtol=2e-2, atol=2e-3)


def test_one_kernel_per_configuration():
    op = get("RNN")
    args = _inputs("rnn_relu")
    nd.RNN(*args, **_kw("rnn_relu"))
    before = len(op._kernels)
    for _ in range(3):
        nd.RNN(*args, **_kw("rnn_relu"))
    assert len(op._kernels) == before


def test_projection_only_for_lstm():
    with pytest.raises(mx.base.MXNetError, match="projection"):
        nd.RNN(*_inputs("gru"), projection_size=2, **_kw("gru"))
