"""mx.operator custom operators: eager forward/backward, assign modes, errors, jax.jit."""
import jax
import numpy as np
import pytest

import mxcompat as mx
from mxcompat import autograd, nd
from mxcompat import operator as op_mod


class _Softmax(op_mod.CustomOp):
    def forward(self, is_train, req, in_data, out_data, aux):
        x = in_data[0].asnumpy()
        y = np.exp(x - x.max(axis=1, keepdims=True))
        self.assign(out_data[0], req[0], nd.array(y / y.sum(axis=1, keepdims=True)))

    def backward(self, req, out_grad, in_data, out_data, in_grad, aux):
        lab = in_data[1].asnumpy().astype(np.int64)
        y = out_data[0].asnumpy()
        y[np.arange(lab.shape[0]), lab] -= 1.0
        self.assign(in_grad[0], req[0], nd.array(y))


@op_mod.register("test_softmax")
class _SoftmaxProp(op_mod.CustomOpProp):
    def __init__(self):
        super().__init__(need_top_grad=False)

    def list_arguments(self):
        return ["data", "label"]

    def infer_shape(self, in_shape):
        return [in_shape[0], (in_shape[0][0],)], [in_shape[0]], []

    def create_operator(self, ctx, shapes, dtypes):
        return _Softmax()


X = np.array([[1, 2, 3], [0, 0, 1]], np.float32)
L = np.array([2, 0], np.float32)


def _expected():
    e = np.exp(X - X.max(1, keepdims=True))
    p = e / e.sum(1, keepdims=True)
    g = p.copy()
    g[[0, 1], [2, 0]] -= 1
    return p, g


def test_eager_forward_backward():
    x, lab = nd.array(X), nd.array(L)
    x.attach_grad()
    with autograd.record():
        y = op_mod.Custom(x, lab, op_type="test_softmax")
    y.backward()
    p, g = _expected()
    np.testing.assert_allclose(y.asnumpy(), p, rtol=1e-6)
    np.testing.assert_allclose(x.grad.asnumpy(), g, rtol=1e-6)


def test_inside_jit():
    def f(a, b):
        y = op_mod.Custom(mx.ndarray.ndarray._wrap(a, mx.cpu()),
                          mx.ndarray.ndarray._wrap(b, mx.cpu()), op_type="test_softmax")
        return y._array.sum() * 0 + (y._array * jax.numpy.asarray([[0, 0, 1], [1, 0, 0]],
                                                                  np.float32)).sum()

    val, grad = jax.jit(jax.value_and_grad(f))(X, L)
    p, _ = _expected()
    np.testing.assert_allclose(val, p[0, 2] + p[1, 0], rtol=1e-6)
    assert grad.shape == X.shape  # the user's backward ran (need_top_grad=False ignores cts)


def test_assign_modes():
    op = op_mod.CustomOp()
    d = nd.ones((2,))
    op.assign(d, "add", nd.ones((2,)))
    op.assign(d, "null", nd.zeros((2,)))
    assert d.asnumpy().tolist() == [2.0, 2.0]
    op.assign(d, "write", nd.zeros((2,)))
    assert d.asnumpy().tolist() == [0.0, 0.0]


def test_errors():
    x = nd.array(X)
    with pytest.raises(mx.base.MXNetError, match="Cannot find custom operator nosuch"):
        op_mod.Custom(x, op_type="nosuch")
    with pytest.raises(mx.base.MXNetError, match="expects 2 inputs, but got 1"):
        op_mod.Custom(x, op_type="test_softmax")
    with pytest.raises(mx.base.MXNetError, match="`op_type` is missing"):
        op_mod.Custom(x)


def test_inside_hybridized_block():
    class Net(mx.gluon.HybridBlock):
        def hybrid_forward(self, F, x, lab):
            return op_mod.Custom(x * 1.0, lab, op_type="test_softmax")

    net = Net()
    net.hybridize()
    x, lab = nd.array(X), nd.array(L)
    x.attach_grad()
    with autograd.record():
        y = net(x, lab)
    y.backward()
    p, g = _expected()
    np.testing.assert_allclose(y.asnumpy(), p, rtol=1e-6)
    np.testing.assert_allclose(x.grad.asnumpy(), g, rtol=1e-6)
