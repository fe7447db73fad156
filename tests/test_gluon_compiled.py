"""hybridize(): one compiled function per signature, one tape node, fresh random keys."""
from __future__ import annotations

import numpy as np
import pytest

import mxcompat as mx
from mxcompat import autograd, gluon, nd
from mxcompat.autograd import tape
from mxcompat.gluon import nn


def _mlp(dropout=0.0):
    net = nn.HybridSequential()
    with net.name_scope():
        net.add(nn.Dense(8, activation="tanh", in_units=5))
        if dropout:
            net.add(nn.Dropout(dropout))
        net.add(nn.Dense(3, in_units=8))
    net.initialize(mx.init.Xavier())
    return net


def _copy_params(src, dst):
    for a, b in zip(src.collect_params().values(), dst.collect_params().values()):
        b.set_data(a.data())


def _x(shape=(4, 5), seed=0):
    return nd.array(np.random.RandomState(seed).uniform(-1, 1, shape))


def _grads(net):
    return [p.grad().asnumpy() for p in net.collect_params().values()]


def test_hybridized_matches_eager_forward_and_gradients():
    a, b = _mlp(), _mlp()
    _copy_params(a, b)
    b.hybridize()
    x = _x()
    for net in (a, b):
        with autograd.record():
            loss = (net(x) ** 2).sum()
        loss.backward()
    np.testing.assert_allclose(a(x).asnumpy(), b(x).asnumpy(), rtol=1e-6, atol=1e-6)
    for ga, gb in zip(_grads(a), _grads(b)):
        np.testing.assert_allclose(ga, gb, rtol=1e-5, atol=1e-6)


def test_one_tape_node_and_no_retrace():
    net = _mlp()
    net.hybridize()
    x = _x()
    traces = []
    orig = net.hybrid_forward

    def counting(F, *args, **kw):
        traces.append(1)
        return orig(F, *args, **kw)

    net.hybrid_forward = counting
    for _ in range(3):
        with autograd.record():
            y = net(x)
        assert isinstance(y._ag, tape.Entry)
        # the parents of the node are the parameters and the input: nothing in between
        assert len(y._ag.node.parents) == 4 + 1
        y.backward()
    n_first = len(traces)
    for _ in range(3):
        net(x)
        with autograd.record():
            net(x).backward()
    # predict-mode and record signatures were traced once each; nothing since
    assert len(traces) <= n_first + 1
    n = len(traces)
    net(_x((7, 5)))  # a new shape traces again
    assert len(traces) == n + 1


def test_dropout_differs_per_call_and_repeats_after_seed():
    net = nn.HybridSequential()
    net.add(nn.Dropout(0.5))
    net.hybridize()
    x = nd.ones((50, 40))
    mx.random.seed(7)
    with autograd.train_mode():
        m1, m2 = net(x).asnumpy(), net(x).asnumpy()
    assert not np.array_equal(m1, m2)
    assert set(np.unique(m1)) <= {0.0, 2.0}
    mx.random.seed(7)
    with autograd.train_mode():
        r1 = net(x).asnumpy()
    np.testing.assert_array_equal(m1, r1)
    np.testing.assert_array_equal(net(x).asnumpy(), x.asnumpy())  # predict mode: identity


def test_create_graph_through_hybridized_block():
    a, b = _mlp(), _mlp()
    _copy_params(a, b)
    b.hybridize()
    res = []
    for net in (a, b):
        x = _x()
        x.attach_grad()
        with autograd.record():
            y = net(x)
            (g,) = autograd.grad(y.sum(), [x], create_graph=True)
            z = (g * g).sum()
        z.backward()
        res.append((g.asnumpy(), x.grad.asnumpy(), _grads(net)))
    np.testing.assert_allclose(res[0][0], res[1][0], rtol=1e-5, atol=1e-6)
    np.testing.assert_allclose(res[0][1], res[1][1], rtol=1e-4, atol=1e-6)
    assert np.abs(res[1][1]).sum() > 0  # tanh has a second derivative
    for ga, gb in zip(res[0][2], res[1][2]):
        np.testing.assert_allclose(ga, gb, rtol=1e-4, atol=1e-6)


def test_grad_req_add_and_null():
    net = _mlp()
    net.hybridize()
    params = list(net.collect_params().values())
    params[0].grad_req = "add"
    params[1].grad_req = "null"
    x = _x()
    for _ in range(2):
        with autograd.record():
            loss = net(x).sum()
        loss.backward()
    g_add = params[0].grad().asnumpy()
    with autograd.record():
        loss = net(x).sum()
    loss.backward()
    np.testing.assert_allclose(params[0].grad().asnumpy(), g_add * 1.5, rtol=1e-5)
    with pytest.raises(RuntimeError, match="grad_req='null'"):
        params[1].grad()


def test_tuple_outputs_and_extra_inputs():
    class Two(gluon.HybridBlock):
        def __init__(self, **kw):
            super().__init__(**kw)
            with self.name_scope():
                self.d = nn.Dense(2, in_units=3)

        def hybrid_forward(self, F, x, y):
            h = self.d(x)
            return h + y, [F.relu(h), h * 2]

    a, b = Two(), Two()
    a.initialize()
    b.initialize()
    _copy_params(a, b)
    b.hybridize()
    x, y = _x((4, 3)), _x((4, 2), 1)
    ra, rb = a(x, y), b(x, y)
    assert isinstance(rb, list) and isinstance(rb[1], list) and len(rb[1]) == 2
    for u, v in zip([ra[0]] + ra[1], [rb[0]] + rb[1]):
        np.testing.assert_allclose(u.asnumpy(), v.asnumpy(), rtol=1e-6)


def test_deferred_init_through_hybridized_net():
    net = nn.HybridSequential()
    net.add(nn.Dense(4, activation="relu"), nn.Dense(2))
    net.initialize()
    net.hybridize()
    y = net(_x((3, 6)))
    assert y.shape == (3, 2)
    assert net[0].weight.shape == (4, 6)


def test_function_inside_hybridized_block():
    class Sigmoid(autograd.Function):
        def forward(self, x):
            y = 1 / (1 + nd.exp(-x))
            self.save_for_backward(y)
            return y

        def backward(self, dy):
            (y,) = self.saved_tensors
            return dy * y * (1 - y)

    class Net(gluon.HybridBlock):
        def hybrid_forward(self, F, x):
            return Sigmoid()(x) * 2

    for hyb in (False, True):
        net = Net()
        if hyb:
            net.hybridize()
        x = _x()
        x.attach_grad()
        with autograd.record():
            y = net(x)
        y.backward()
        s = 1 / (1 + np.exp(-x.asnumpy()))
        np.testing.assert_allclose(y.asnumpy(), 2 * s, rtol=1e-6)
        np.testing.assert_allclose(x.grad.asnumpy(), 2 * s * (1 - s), rtol=1e-5)


def test_hybridized_child_inside_plain_block():
    class Outer(gluon.Block):
        def __init__(self, **kw):
            super().__init__(**kw)
            with self.name_scope():
                self.inner = _mlp()

        def forward(self, x):
            return nd.relu(self.inner(x)) + 1

    net = Outer()
    ref = Outer()
    _copy_params(net, ref)
    net.hybridize()
    x = _x()
    np.testing.assert_allclose(net(x).asnumpy(), ref(x).asnumpy(), rtol=1e-6)
