"""gluon.nn layers (convolution, pooling, normalisation, embedding, activations).

MXNet's printed output and numbers are checked by the golden snippets (area
``gluon_layers``); these tests check what goldens cannot: every layer gives the same
outputs and gradients hybridized and not, channel-last layouts (CPU MXNet cannot run
channel-last convolutions) against channel-first ones, a small CNN trains both ways, and
BatchNorm's running statistics in compiled code.
"""
from __future__ import annotations

import numpy as np
import pytest

import mxcompat as mx
from mxcompat import autograd, nd
from mxcompat.base import MXNetError
from mxcompat.gluon import nn


def _pattern(shape, phase=0.0):
    n = int(np.prod(shape))
    return nd.array(np.sin(np.arange(n) * 0.7 + phase).reshape(shape))


def _run(net, x, train_input_grad=True):
    """Output, input gradient and parameter gradients of one recorded step."""
    if train_input_grad:
        x.attach_grad()
    with autograd.record():
        y = net(x)
        loss = (y * _pattern(y.shape, 1.0)).sum()
    loss.backward()
    grads = {name: p.grad().asnumpy().copy()
             for name, p in net.collect_params().items() if p.grad_req != "null"}
    return y.asnumpy(), (x.grad.asnumpy().copy() if train_input_grad else None), grads


_LAYERS = {
    "conv1d": (lambda: nn.Conv1D(3, 2, strides=2, padding=1), (2, 2, 7)),
    "conv2d": (lambda: nn.Conv2D(4, 3, strides=2, padding=1, groups=2, activation="relu"),
               (2, 4, 6, 6)),
    "conv2d_nhwc": (lambda: nn.Conv2D(4, (3, 2), dilation=(1, 2), layout="NHWC"), (2, 6, 6, 3)),
    "conv3d": (lambda: nn.Conv3D(2, 2, use_bias=False), (1, 2, 4, 3, 4)),
    "conv3d_ndhwc": (lambda: nn.Conv3D(2, 2, layout="NDHWC"), (1, 3, 4, 3, 2)),
    "conv1d_t": (lambda: nn.Conv1DTranspose(2, 3, strides=2, output_padding=1), (2, 3, 4)),
    "conv2d_t": (lambda: nn.Conv2DTranspose(4, 3, strides=2, padding=1, output_padding=1,
                                            groups=2), (2, 4, 3, 3)),
    "conv2d_t_nhwc": (lambda: nn.Conv2DTranspose(3, 2, strides=2, layout="NHWC"),
                      (1, 3, 3, 2)),
    "conv3d_t": (lambda: nn.Conv3DTranspose(2, 2, strides=(1, 2, 1), activation="tanh"),
                 (1, 2, 2, 3, 2)),
    "maxpool1d": (lambda: nn.MaxPool1D(3, 2, 1, ceil_mode=True), (2, 2, 7)),
    "maxpool2d": (lambda: nn.MaxPool2D(), (2, 2, 4, 6)),
    "maxpool3d": (lambda: nn.MaxPool3D(2, 1, layout="NDHWC"), (1, 3, 3, 3, 2)),
    "avgpool1d": (lambda: nn.AvgPool1D(3, 2, 1, count_include_pad=False), (2, 2, 7)),
    "avgpool2d": (lambda: nn.AvgPool2D(3, 2, 1, layout="NHWC"), (2, 5, 5, 3)),
    "avgpool3d": (lambda: nn.AvgPool3D(), (1, 2, 4, 4, 2)),
    "gmaxpool2d": (lambda: nn.GlobalMaxPool2D(), (2, 3, 4, 5)),
    "gavgpool1d": (lambda: nn.GlobalAvgPool1D(layout="NWC"), (2, 5, 3)),
    "gavgpool3d": (lambda: nn.GlobalAvgPool3D(), (1, 2, 2, 3, 2)),
    "reflectionpad": (lambda: nn.ReflectionPad2D(2), (1, 2, 4, 5)),
    "batchnorm": (lambda: nn.BatchNorm(), (4, 3, 2, 2)),
    "batchnorm_last": (lambda: nn.BatchNorm(axis=-1, center=False, momentum=0.5), (3, 2, 4)),
    "batchnorm_relu": (lambda: nn.BatchNormReLU(scale=False), (4, 3, 2)),
    "layernorm": (lambda: nn.LayerNorm(), (2, 3, 4)),
    "layernorm_ax1": (lambda: nn.LayerNorm(axis=1, center=False), (2, 3, 4)),
    "instancenorm": (lambda: nn.InstanceNorm(scale=True), (2, 3, 4)),
    "instancenorm_ax2": (lambda: nn.InstanceNorm(axis=2, scale=True), (2, 3, 4, 2)),
    "groupnorm": (lambda: nn.GroupNorm(2), (2, 4, 3)),
    "leakyrelu": (lambda: nn.LeakyReLU(0.2), (2, 3, 4)),
    "prelu": (lambda: nn.PReLU(), (2, 3, 4)),
    "prelu_channels": (lambda: nn.PReLU(mx.init.Constant(0.1), in_channels=3), (2, 3, 4)),
    "elu": (lambda: nn.ELU(0.7), (2, 3, 4)),
    "selu": (lambda: nn.SELU(), (2, 3, 4)),
    "gelu": (lambda: nn.GELU(), (2, 3, 4)),
    "swish": (lambda: nn.Swish(1.5), (2, 3, 4)),
}


@pytest.mark.parametrize("name", sorted(_LAYERS))
def test_hybridized_equals_eager(name):
    make, shape = _LAYERS[name]
    mx.random.seed(3)
    net = make()
    net.initialize(mx.init.Xavier(magnitude=2.0))
    x = _pattern(shape)
    want_y, want_dx, want_grads = _run(net, x)
    net.hybridize()
    got_y, got_dx, got_grads = _run(net, x)
    np.testing.assert_allclose(got_y, want_y, rtol=1e-5, atol=1e-6)
    np.testing.assert_allclose(got_dx, want_dx, rtol=1e-5, atol=1e-6)
    assert sorted(got_grads) == sorted(want_grads)
    for k in want_grads:
        np.testing.assert_allclose(got_grads[k], want_grads[k], rtol=1e-5, atol=1e-5,
                                   err_msg=k)
    assert not any(p._deferred_init for p in net.collect_params().values())


def test_embedding_hybridized_equals_eager():
    net = nn.Embedding(6, 3)
    net.initialize(mx.init.Constant(0.0))
    net.weight.set_data(_pattern((6, 3)))
    idx = nd.array([[0, 5, 2], [2, 2, 1]])
    want = _run(net, idx, train_input_grad=False)
    net.hybridize()
    got = _run(net, idx, train_input_grad=False)
    np.testing.assert_allclose(got[0], want[0])
    (key,) = want[2]
    np.testing.assert_allclose(got[2][key], want[2][key])
    # rows 2 (three times), 0, 5, 1 get gradients; rows 3 and 4 none
    g = want[2][key]
    assert np.all(g[3] == 0) and np.all(g[4] == 0) and np.any(g[2] != 0)


def test_embedding_sparse_grad_not_supported():
    with pytest.raises(NotImplementedError, match="sparse_grad"):
        nn.Embedding(4, 2, sparse_grad=True)


# ----------------------------------------------------------------------------- layouts

@pytest.mark.parametrize("kind", ["conv2d", "conv3d", "deconv2d", "deconv3d"])
def test_channel_last_matches_channel_first(kind):
    nd_ = 2 if kind.endswith("2d") else 3
    first, last = ("NCHW", "NHWC") if nd_ == 2 else ("NCDHW", "NDHWC")
    cls = {"conv2d": nn.Conv2D, "conv3d": nn.Conv3D, "deconv2d": nn.Conv2DTranspose,
           "deconv3d": nn.Conv3DTranspose}[kind]
    kw = dict(channels=4, kernel_size=(2,) * nd_, strides=(2,) + (1,) * (nd_ - 1),
              padding=(1,) + (0,) * (nd_ - 1), groups=2)
    a = cls(layout=first, **kw)
    b = cls(layout=last, **kw)
    spatial = (4, 5, 3)[:nd_]
    x = _pattern((2, 4) + spatial)
    mx.random.seed(1)
    a.initialize(mx.init.Xavier())
    a.bias.set_data(nd.array([0.1, -0.2, 0.3, 0.4]))
    ya = a(x).asnumpy()
    b.initialize()
    to_last = (0,) + tuple(range(2, nd_ + 2)) + (1,)
    xb = nd.array(np.transpose(x.asnumpy(), to_last))
    b(xb)   # settle the deferred weight shape
    b.weight.set_data(nd.array(np.transpose(a.weight.data().asnumpy(), to_last)))
    b.bias.set_data(a.bias.data())
    yb = b(xb).asnumpy()
    np.testing.assert_allclose(np.transpose(yb, (0, nd_ + 1) + tuple(range(1, nd_ + 1))), ya,
                               rtol=1e-5, atol=1e-5)
    assert b.weight.shape == tuple(np.array(a.weight.shape)[list(to_last)])


# ----------------------------------------------------------------------------- training

def _lenet():
    net = nn.HybridSequential()
    with net.name_scope():
        net.add(nn.Conv2D(6, 3, activation="relu"), nn.BatchNorm(), nn.MaxPool2D(),
                nn.Conv2D(8, 3), nn.Activation("relu"), nn.Flatten(),
                nn.Dense(16, activation="relu"), nn.Dropout(0.2), nn.Dense(2))
    return net


def _digits():
    """16 deterministic 1x10x10 images: class 1 has a bright vertical bar, class 0 a
    horizontal one, at varying positions."""
    imgs = np.zeros((16, 1, 10, 10), np.float32)
    labels = np.zeros(16, np.float32)
    for i in range(16):
        pos = 2 + i % 6
        if i % 2:
            imgs[i, 0, :, pos] = 1.0
            labels[i] = 1
        else:
            imgs[i, 0, pos, :] = 1.0
        imgs[i, 0] += 0.1 * np.cos(np.arange(100) * (i + 1)).reshape(10, 10)
    return nd.array(imgs), nd.array(labels)


def _loss(net, x, label):
    return -nd.pick(nd.log_softmax(net(x)), label).mean()


@pytest.mark.parametrize("hybrid", [False, True])
def test_lenet_trains_with_sgd(hybrid):
    mx.random.seed(7)
    net = _lenet()
    net.initialize(mx.init.Xavier())
    if hybrid:
        net.hybridize()
    x, label = _digits()
    params = [p for p in net.collect_params().values() if p.grad_req != "null"]
    losses = []
    for _ in range(12):
        with autograd.record():
            loss = _loss(net, x, label)
        loss.backward()
        losses.append(float(loss.asscalar()))
        for p in params:
            p.data()[:] -= 0.1 * p.grad()
    assert np.all(np.isfinite(losses))
    assert np.mean(losses[-2:]) < 0.5 * losses[0], losses
    bn = net[1]
    assert np.abs(bn.running_mean.data().asnumpy()).sum() > 0


def test_batchnorm_running_stats_hybridized():
    net = nn.HybridSequential()
    with net.name_scope():
        net.add(nn.Dense(3, in_units=4, use_bias=False), nn.BatchNorm(momentum=0.8))
    net.initialize(mx.init.One())
    net.hybridize()
    x = _pattern((5, 4)) * 2 + 1
    bn = net[1]
    h = x.asnumpy() @ np.ones((4, 3))
    # predict mode: statistics untouched, output uses them
    y = net(x)
    np.testing.assert_allclose(bn.running_mean.data().asnumpy(), 0)
    np.testing.assert_allclose(y.asnumpy(), h / np.sqrt(1 + 1e-5), rtol=1e-5)
    # training: moving = moving * m + batch * (1 - m), biased variance
    with autograd.record():
        y = net(x)
    y.backward()
    np.testing.assert_allclose(bn.running_mean.data().asnumpy(), 0.2 * h.mean(0), rtol=1e-5)
    np.testing.assert_allclose(bn.running_var.data().asnumpy(), 0.8 + 0.2 * h.var(0),
                               rtol=1e-5)
    mean_after = bn.running_mean.data().asnumpy().copy()
    net(x)
    with autograd.record(train_mode=False):
        net(x)
    np.testing.assert_allclose(bn.running_mean.data().asnumpy(), mean_after)
    assert bn.running_mean.grad_req == "null" and bn.running_var.grad_req == "null"


@pytest.mark.parametrize("hybrid", [False, True])
def test_batchnorm_used_twice_in_one_record(hybrid):
    bn = nn.BatchNorm()
    bn.initialize()
    if hybrid:
        bn.hybridize()
    x = _pattern((4, 3, 2))
    with autograd.record():
        y = bn(x) + bn(x + 1)
    y.backward()
    assert bn.gamma.grad().shape == (3,)


def test_hybridized_deferred_first_training_step_updates_once():
    bn = nn.BatchNorm(momentum=0.9)
    bn.initialize()
    bn.hybridize()
    x = _pattern((4, 3, 2)) + 2
    with autograd.record():
        y = bn(x)
    y.backward()
    want = 0.1 * x.asnumpy().mean(axis=(0, 2))
    np.testing.assert_allclose(bn.running_mean.data().asnumpy(), want, rtol=1e-5)


# ----------------------------------------------------------------------------- misc

def test_deferred_shapes_follow_the_input():
    cases = [(nn.Conv2D(5, 3, groups=1), (1, 4, 5, 5), (5, 4, 3, 3)),
             (nn.Conv2D(6, 3, groups=3, layout="NHWC"), (1, 5, 5, 3), (6, 3, 3, 1)),
             (nn.Conv2DTranspose(6, 3, groups=3), (1, 3, 4, 4), (3, 2, 3, 3)),
             (nn.Conv1DTranspose(2, 3), (1, 7, 4), (7, 2, 3))]
    for layer, xshape, wshape in cases:
        layer.initialize()
        layer(nd.ones(xshape))
        assert layer.weight.shape == wshape, (layer, layer.weight.shape)
    bn = nn.BatchNorm(axis=2)
    bn.initialize()
    bn(nd.ones((2, 3, 7)))
    assert [p.shape for p in bn.collect_params().values()] == [(7,)] * 4
    assert repr(bn).endswith("in_channels=7)")


def test_deferred_group_mismatch_is_reported():
    conv = nn.Conv2D(4, 3, groups=2)
    conv.initialize()
    with pytest.raises(ValueError, match="input num_filter must divide group size"):
        conv(nd.ones((1, 3, 5, 5)))


def test_batchnorm_cast_keeps_float32_statistics():
    bn = nn.BatchNorm(in_channels=2)
    bn.initialize()
    bn.cast("float16")
    assert all(np.dtype(p.dtype) == np.float32 for p in bn.collect_params().values())
    conv = nn.Conv2D(2, 1, in_channels=2)
    conv.initialize()
    conv.cast("float16")
    assert np.dtype(conv.weight.data().dtype) == np.float16


def test_construction_errors():
    with pytest.raises(MXNetError, match="output num_filter must divide group size"):
        nn.Conv2D(5, 3, groups=2)
    with pytest.raises(AssertionError, match="Only supports 'NCW' layout"):
        nn.Conv1D(2, 3, layout="NWC")
    with pytest.raises(AssertionError, match="valid for 3D Pooling"):
        nn.MaxPool3D(layout="NCHW")
