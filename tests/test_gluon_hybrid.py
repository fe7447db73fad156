"""hybridize(): the compiled HybridBlock gives the eager numbers and gradients, compiles
once per input signature, and checks its arguments as MXNet's cached graph does."""
import numpy as np
import pytest

import mxcompat as mx
from mxcompat import autograd, gluon, nd
from mxcompat.gluon import nn


class Square(autograd.Function):
    """x*x with a deliberately different backward (2x + 100) to see which one ran."""

    def forward(self, x):
        self.save_for_backward(x)
        return x * x

    def backward(self, dy):
        x, = self.saved_tensors
        return dy * 2 * x + 100


class FunctionNet(gluon.HybridBlock):
    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        with self.name_scope():
            self.w = self.params.get("w", shape=(3,), init=mx.init.Constant(1.5))

    def hybrid_forward(self, F, x, w):
        return Square()(x * w)


class Counting(gluon.HybridBlock):
    """Counts how often its Python body runs (once per trace when hybridized)."""

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.runs = 0
        with self.name_scope():
            self.dense = nn.Dense(2, in_units=3)

    def hybrid_forward(self, F, x):
        self.runs += 1
        return F.tanh(self.dense(x))


@pytest.mark.parametrize("hybrid", [False, True])
def test_autograd_function_inside_hybrid_forward(hybrid):
    net = FunctionNet(prefix="f_")
    net.initialize()
    if hybrid:
        net.hybridize()
    x = nd.array([1.0, 2.0, 3.0])
    for _ in range(2):   # the second call reuses the compiled function
        with autograd.record():
            y = net(x)
        y.backward()
        np.testing.assert_allclose(y.asnumpy(), [2.25, 9.0, 20.25])
        # d/dw of Square(x*w) with the custom backward: (2*x*w + 100) * x
        np.testing.assert_allclose(net.w.grad().asnumpy(), [103.0, 212.0, 327.0])


def test_compiles_once_per_signature():
    net = Counting(prefix="c_")
    net.initialize(mx.init.One())
    eager = net(nd.ones((2, 3))).asnumpy()
    assert net.runs == 1
    net.hybridize()
    for _ in range(3):
        np.testing.assert_allclose(net(nd.ones((2, 3))).asnumpy(), eager, rtol=1e-6)
    assert net.runs == 2
    net(nd.ones((5, 3)))
    assert net.runs == 3


def _graded_net():
    net = nn.HybridSequential(prefix="g_")
    with net.name_scope():
        net.add(nn.Dense(4, activation="relu"), nn.Dense(2, in_units=4))
    net.initialize(mx.init.Constant(0.1))
    net(nd.ones((1, 3)))     # finish the deferred initialisation
    for i, p in enumerate(net.collect_params().values()):
        size = int(np.prod(p.shape))
        p.set_data(nd.array(np.sin(np.arange(size) + i).reshape(p.shape)))
    return net


def test_gradients_match_eager():
    x = nd.array(np.cos(np.arange(6.0)).reshape(2, 3))
    results = []
    for hybrid in (False, True):
        net = _graded_net()
        if hybrid:
            net.hybridize()
        xx = x.copy()
        xx.attach_grad()
        with autograd.record():
            loss = (net(xx) ** 2).sum()
        loss.backward()
        grads = [p.grad().asnumpy() for p in net.collect_params().values()]
        results.append((loss.asscalar(), grads, xx.grad.asnumpy()))
    (l0, g0, x0), (l1, g1, x1) = results
    np.testing.assert_allclose(l1, l0, rtol=1e-6)
    for a, b in zip(g1, g0):
        np.testing.assert_allclose(a, b, rtol=1e-5, atol=1e-6)
    np.testing.assert_allclose(x1, x0, rtol=1e-5, atol=1e-6)


def test_dropout_masks_follow_the_seed():
    net = nn.HybridSequential()
    net.add(nn.Dropout(0.5))
    net.hybridize()
    x = nd.ones((64, 64))
    mx.random.seed(7)
    with autograd.train_mode():
        a, b = net(x).asnumpy(), net(x).asnumpy()
    mx.random.seed(7)
    with autograd.train_mode():
        c = net(x).asnumpy()
    assert set(np.unique(a).tolist()) <= {0.0, 2.0}
    assert 0.4 < (a == 0).mean() < 0.6
    assert not np.array_equal(a, b)
    np.testing.assert_array_equal(a, c)
    np.testing.assert_array_equal(net(x).asnumpy(), x.asnumpy())   # predict mode


def test_a_block_that_draws_nothing_leaves_the_random_stream_alone():
    # hybridized or not, a network without random operators consumes no random numbers,
    # so the draws after it are the same; one with Dropout consumes them in both forms
    def draws_after(hybrid, dropout):
        net = nn.HybridSequential()
        net.add(nn.Dense(3, in_units=4))
        if dropout:
            net.add(nn.Dropout(0.5))
        net.initialize()
        if hybrid:
            net.hybridize()
        mx.random.seed(11)
        with autograd.record():
            for _ in range(3):
                net(nd.ones((2, 4)))
        return nd.random.uniform(shape=(5,)).asnumpy()

    mx.random.seed(11)
    fresh = nd.random.uniform(shape=(5,)).asnumpy()
    np.testing.assert_array_equal(draws_after(False, False), fresh)
    np.testing.assert_array_equal(draws_after(True, False), fresh)
    assert not np.array_equal(draws_after(True, True), fresh)
    assert not np.array_equal(draws_after(False, True), fresh)


def test_argument_structure_is_fixed_until_rehybridized():
    class Add(gluon.HybridBlock):
        def hybrid_forward(self, F, x, y=None):
            return x * 2 if y is None else x + y

    net = Add()
    net.hybridize()
    x = nd.ones((2,))
    net(x)
    net(x, None)          # a trailing None keeps the default: accepted
    with pytest.raises(ValueError, match="does not match the cached version"):
        net(x, x)
    net.hybridize()
    np.testing.assert_array_equal(net(x, x).asnumpy(), [2.0, 2.0])
    with pytest.raises(ValueError, match="must be \\(nested\\) list of Symbol or NDArray"):
        net(x, 3.0)
    with pytest.raises(ValueError, match="Find multiple contexts in the input"):
        net(x, nd.ones((2,), ctx=mx.cpu(1)))


def test_nested_outputs_become_lists():
    class Deep(gluon.HybridBlock):
        def hybrid_forward(self, F, x):
            return (x, [x * 2, (x, x + 1)])

    net = Deep()
    eager = net(nd.ones((1,)))
    assert isinstance(eager, tuple) and isinstance(eager[1][1], tuple)
    net.hybridize()
    out = net(nd.ones((1,)))
    assert isinstance(out, list) and isinstance(out[1][1], list)
    assert out[1][1][1].asscalar() == 2.0


def test_infer_shape_of_a_container():
    net = nn.HybridSequential()
    net.add(nn.Dense(3), nn.Dense(2))
    net.initialize()
    net.infer_shape(nd.ones((1, 5)))
    assert [p.shape for p in net.collect_params().values()] == [(3, 5), (3,), (2, 3), (2,)]

    class Own(gluon.HybridBlock):
        def __init__(self, **kwargs):
            super().__init__(**kwargs)
            with self.name_scope():
                self.w = self.params.get("w", shape=(0,), allow_deferred_init=True)

        def hybrid_forward(self, F, x, w):
            return x * w

    own = Own()
    own.initialize()
    with pytest.raises(NotImplementedError, match="cannot infer the shapes"):
        own(nd.ones((2,)))
