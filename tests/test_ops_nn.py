"""Neural-network operators against values recorded from real MXNet 1.9.1.

The expected values come from ``tools/record_nn_values.py`` (run under the oracle) and live
in ``tests/data/nn_values.json``; every case is replayed here: forward outputs (shape,
dtype, values), MXNet's error messages, BatchNorm's moving statistics in training, and the
input gradients of the operators whose backward is MXNet's own rule (SoftmaxOutput, the
regression outputs) plus CTCLoss. Random operators (Dropout, rrelu in training) are tested
for their statistical properties; channel-last convolutions (CPU MXNet cannot run them)
against the recorded channel-first results.
"""
from __future__ import annotations

import json
import os
import re

import jax
import jax.numpy as jnp
import numpy as np
import pytest

import mxcompat as mx
import mxcompat.ops.nn  # noqa: F401  (registers the operators)
from mxcompat.base import MXNetError
from mxcompat.ndarray import _invoke
from mxcompat.ndarray._frontend import function_for
from mxcompat.ops.registry import REGISTRY

HERE = os.path.dirname(os.path.abspath(__file__))
with open(os.path.join(HERE, "data", "nn_values.json")) as _f:
    DATA = json.load(_f)
CASES = DATA["cases"]


def _ids(kind):
    return [c["id"] for c in CASES if c["kind"] == kind]


BY_ID = {c["id"]: c for c in CASES}


def _np(spec):
    return np.asarray(spec["data"], dtype=np.float64).reshape(spec["shape"]).astype(spec["dtype"])


def _nd(spec):
    return mx.nd.array(_np(spec), dtype=spec["dtype"])


def _tol(dtype, case_tol=None):
    if case_tol:
        return case_tol, case_tol
    if np.dtype(dtype) == np.float16:
        return 2e-3, 2e-3
    return 1e-5, 1e-6


def _compare(got, want, what, case_tol=None):
    got = np.asarray(got)
    assert list(got.shape) == want["shape"], f"{what}: shape {got.shape} != {want['shape']}"
    assert str(got.dtype) == want["dtype"], f"{what}: dtype {got.dtype} != {want['dtype']}"
    rtol, atol = _tol(want["dtype"], case_tol)
    np.testing.assert_allclose(got.astype(np.float64), _np(dict(want, dtype="float64")),
                               rtol=rtol, atol=atol, err_msg=what)


def _call(op, inputs, attrs):
    return function_for(op)(*inputs, **attrs)


def _as_list(out):
    return list(out) if isinstance(out, (list, tuple)) else [out]


# ----------------------------------------------------------------------------- forward

@pytest.mark.parametrize("cid", _ids("fwd"))
def test_forward(cid):
    c = BY_ID[cid]
    assert "error" not in c, f"MXNet raised: {c.get('error')}"
    outs = _as_list(_call(c["op"], [_nd(s) for s in c["inputs"]], c["attrs"]))
    assert len(outs) == len(c["outputs"])
    for i, (o, w) in enumerate(zip(outs, c["outputs"])):
        _compare(o.asnumpy(), w, f"{cid} output {i}", c.get("tol"))


# ----------------------------------------------------------------------------- errors

def _error_key(msg: str) -> str:
    """The part of MXNet's message an implementation must reproduce."""
    msg = msg.replace(": :", "::").strip()
    if msg.startswith("Required parameter"):
        return " ".join(msg.split()[:3])
    if ", in operator" in msg:
        msg = msg.split(", in operator")[0]
    msg = msg.split("\n")[0]
    if "Check failed:" in msg and " : " in msg:
        tail = msg.rsplit(" : ", 1)[1].strip()
        if tail:
            return tail
    return msg.strip()


_LOOSE: set = set()  # case ids whose message differs on purpose (checked for type only)


@pytest.mark.parametrize("cid", _ids("error"))
def test_error(cid):
    c = BY_ID[cid]
    assert c.get("error") is not None, "MXNet accepted this case"
    with pytest.raises(MXNetError) as info:
        outs = _as_list(_call(c["op"], [_nd(s) for s in c["inputs"]], c["attrs"]))
        for o in outs:
            o.asnumpy()
    if cid in _LOOSE:
        return
    key = re.sub(r"\s+", " ", _error_key(c["error"]))
    got = re.sub(r"\s+", " ", str(info.value).replace(": :", "::"))
    assert key in got, f"\nMXNet: {c['error']}\nours:  {info.value}"


# ----------------------------------------------------------------------------- training

class _Training:
    def __enter__(self):
        self.prev = _invoke.hooks.is_training
        _invoke.hooks.is_training = lambda: True

    def __exit__(self, *exc):
        _invoke.hooks.is_training = self.prev


@pytest.mark.parametrize("cid", _ids("train"))
def test_batchnorm_training(cid):
    c = BY_ID[cid]
    arrays = [_nd(s) for s in c["inputs"]]
    with _Training():
        outs = _as_list(_call(c["op"], arrays, c["attrs"]))
    for i, (o, w) in enumerate(zip(outs, c["outputs"])):
        _compare(o.asnumpy(), w, f"{cid} output {i}", c.get("tol"))
    _compare(arrays[3].asnumpy(), c["aux"][0], f"{cid} moving_mean", c.get("tol"))
    _compare(arrays[4].asnumpy(), c["aux"][1], f"{cid} moving_var", c.get("tol"))


def test_batchnorm_predict_leaves_moving_stats():
    c = BY_ID["bn-train"]
    arrays = [_nd(s) for s in c["inputs"]]
    before = [a.asnumpy().copy() for a in arrays[3:]]
    _call("BatchNorm", arrays, c["attrs"])
    for a, b in zip(arrays[3:], before):
        np.testing.assert_array_equal(a.asnumpy(), b)


# ----------------------------------------------------------------------------- gradients

@pytest.mark.parametrize("cid", _ids("grad"))
def test_special_gradient(cid):
    c = BY_ID[cid]
    op = REGISTRY[c["op"]]
    attrs = op.parse(c["attrs"])
    fn = op.pure(attrs)
    inputs = [jnp.asarray(_np(s)) for s in c["inputs"]]
    rest = inputs[1:]

    @jax.jit
    def run(d, head):
        out, vjp = jax.vjp(lambda v: fn(v, *rest), d)
        return out, vjp(head.astype(out.dtype))[0]

    head = jnp.asarray(_np(c["head"])) if c.get("head") else None
    if head is None:
        head = jnp.ones(tuple(c["outputs"][0]["shape"]), inputs[0].dtype)
    out, grad = run(inputs[0], head)
    _compare(out, c["outputs"][0], f"{cid} output")
    _compare(grad, c["grads"][0], f"{cid} data gradient", 1e-5 if "ctc" not in cid else 1e-4)


def test_output_layers_give_no_label_gradient():
    op = REGISTRY["SoftmaxOutput"]
    fn = op.pure(op.parse({}))
    x = jnp.arange(12.0).reshape(3, 4) / 4
    lab = jnp.asarray([1.0, 3.0, 0.0])
    g = jax.jit(jax.grad(lambda d, l: fn(d, l).sum(), argnums=1))(x, lab)
    np.testing.assert_array_equal(np.asarray(g), 0)


# ----------------------------------------------------------------------------- random ops

def test_dropout_training_mask_and_scale():
    x = mx.nd.ones((40, 50))
    with _Training():
        y = function_for("Dropout")(x, p=0.25).asnumpy()
    assert np.all((y == 0) | np.isclose(y, 1 / 0.75, rtol=1e-6))
    frac = (y == 0).mean()
    assert 0.18 < frac < 0.32
    # two calls draw different masks
    with _Training():
        y2 = function_for("Dropout")(x, p=0.25).asnumpy()
    assert (y != y2).any()


def test_dropout_axes_share_the_mask():
    x = mx.nd.ones((6, 5, 7))
    y = function_for("Dropout")(x, p=0.5, mode="always", axes=(1,)).asnumpy()
    assert (y == y[:, :1, :]).all()
    assert set(np.unique(y).tolist()) <= {0.0, 2.0}


def test_dropout_predict_is_identity_and_p1_is_nan():
    x = mx.nd.array(np.arange(6.0).reshape(2, 3))
    np.testing.assert_array_equal(function_for("Dropout")(x, p=0.9).asnumpy(), x.asnumpy())
    y = function_for("Dropout")(x, p=1.0, mode="always").asnumpy()
    assert np.isnan(y).all()


def test_rrelu_training_slopes_within_bounds():
    x = mx.nd.array(-np.ones((20, 30)))
    with _Training():
        out, mask = function_for("LeakyReLU")(x, act_type="rrelu", lower_bound=0.2,
                                              upper_bound=0.4)
    m = mask.asnumpy()
    assert ((m >= 0.2) & (m <= 0.4)).all() and m.std() > 0
    np.testing.assert_allclose(out.asnumpy(), -m, rtol=1e-6)


# ----------------------------------------------------------------------------- layouts

def _conv_case():
    return BY_ID["conv2d-group"]


def test_convolution_nhwc_matches_nchw():
    c = _conv_case()
    x, w, b = (_np(s) for s in c["inputs"])
    attrs = dict(c["attrs"], layout="NHWC")
    out = function_for("Convolution")(
        mx.nd.array(x.transpose(0, 2, 3, 1)), mx.nd.array(w.transpose(0, 2, 3, 1)),
        mx.nd.array(b), **attrs).asnumpy()
    _compare(out.transpose(0, 3, 1, 2), c["outputs"][0], "NHWC convolution")


def test_deconvolution_nhwc_matches_nchw():
    c = BY_ID["deconv-strattrs"]
    x, w, b = (_np(s) for s in c["inputs"])
    out = function_for("Deconvolution")(
        mx.nd.array(x.transpose(0, 2, 3, 1)), mx.nd.array(w.transpose(0, 2, 3, 1)),
        mx.nd.array(b), layout="NHWC", **c["attrs"]).asnumpy()
    _compare(out.transpose(0, 3, 1, 2), c["outputs"][0], "NHWC deconvolution")


def test_convolution_3d_ndhwc_matches_ncdhw():
    x = np.sin(np.arange(2 * 3 * 4 * 5 * 3)).reshape(2, 3, 4, 5, 3).astype(np.float32)
    w = np.cos(np.arange(4 * 3 * 2 * 3 * 2)).reshape(4, 3, 2, 3, 2).astype(np.float32)
    attrs = dict(kernel=(2, 3, 2), stride=(1, 2, 1), pad=(1, 0, 1), num_filter=4, no_bias=True)
    ref = function_for("Convolution")(mx.nd.array(x), mx.nd.array(w), **attrs).asnumpy()
    got = function_for("Convolution")(mx.nd.array(x.transpose(0, 2, 3, 4, 1)),
                                      mx.nd.array(w.transpose(0, 2, 3, 4, 1)),
                                      layout="NDHWC", **attrs)
    np.testing.assert_allclose(got.asnumpy().transpose(0, 4, 1, 2, 3), ref, rtol=1e-5,
                               atol=1e-5)


# ----------------------------------------------------------------------------- attributes

def test_positional_attributes_follow_mxnet_order():
    x = mx.nd.ones((1, 2, 5, 5))
    w = mx.nd.ones((3, 2, 3, 3))
    b = mx.nd.zeros((3,))
    # Convolution(data, weight, bias, kernel, stride, dilate, pad, num_filter, ...)
    out = function_for("Convolution")(x, w, b, (3, 3), (1, 1), (1, 1), (1, 1), 3)
    assert out.shape == (1, 3, 5, 5)
    fc = function_for("FullyConnected")(mx.nd.ones((2, 3)), mx.nd.ones((4, 3)), None, 4, True)
    assert fc.shape == (2, 4)


def test_unknown_attribute_is_an_mxnet_error():
    with pytest.raises(MXNetError, match="Cannot find argument 'foo'"):
        function_for("Pooling")(mx.nd.ones((1, 1, 4, 4)), kernel=(2, 2), foo=1)


def test_output_counts():
    x = mx.nd.ones((2, 3, 4))
    g, b = mx.nd.ones((4,)), mx.nd.zeros((4,))
    assert len(function_for("LayerNorm")(x, g, b, output_mean_var=True)) == 3
    assert isinstance(function_for("LayerNorm")(x, g, b), mx.nd.NDArray)
    assert len(function_for("LeakyReLU")(x, act_type="rrelu")) == 2
    bn = [mx.nd.ones((3,)), mx.nd.zeros((3,)), mx.nd.zeros((3,)), mx.nd.ones((3,))]
    assert isinstance(function_for("BatchNorm")(x, *bn), mx.nd.NDArray)
    assert len(function_for("BatchNorm")(x, *bn, output_mean_var=True)) == 3


def test_registry_metadata():
    assert REGISTRY["BatchNorm"].aux == ("moving_mean", "moving_var")
    assert REGISTRY["BatchNorm"].params == ("gamma", "beta")
    assert REGISTRY["Convolution"].params == ("weight", "bias")
    assert REGISTRY["Softmax"] is REGISTRY["SoftmaxOutput"]
    assert REGISTRY["ctc_loss"] is REGISTRY["CTCLoss"]
    assert REGISTRY["Dropout"].needs_key and REGISTRY["Dropout"].train_aware


def test_elu_selu_gradient_at_zero_is_mxnets():
    # MXNet 1.9.1: d elu/dx at 0 is alpha; d selu/dx at 0 is lambda*alpha (oracle)
    x = mx.nd.array([-1.0, 0.0, 2.0])
    grads = {}
    for act, kw in (("elu", {"slope": 0.5}), ("selu", {})):
        x.attach_grad()
        with mx.autograd.record():
            y = mx.nd.LeakyReLU(x, act_type=act, **kw)
        y.backward()
        grads[act] = x.grad.asnumpy()
    np.testing.assert_allclose(grads["elu"], [0.5 * np.exp(-1.0), 0.5, 1.0], rtol=1e-6)
    assert abs(grads["selu"][1] - 1.7580993) < 1e-6 and abs(grads["selu"][2] - 1.050701) < 1e-6
