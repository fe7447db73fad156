"""Executor: one compiled forward (no re-trace), backward equals jax.grad, grad_req, aux,
random keys per call."""
import jax
import jax.numpy as jnp
import numpy as np

import mxcompat as mx
from mxcompat import nd

sym = mx.sym


def _mlp():
    d = sym.var("data")
    h = sym.Activation(sym.FullyConnected(d, num_hidden=4, name="fc1"), act_type="tanh")
    return sym.FullyConnected(h, num_hidden=2, name="fc2")


def _fill(exe):
    rs = np.random.RandomState(1)
    for k, v in exe.arg_dict.items():
        v[:] = rs.uniform(-1, 1, v.shape)


def test_backward_equals_jax_grad_and_no_retrace():
    net = _mlp()
    exe = net.simple_bind(mx.cpu(), data=(3, 5))
    _fill(exe)
    args = {k: v.asnumpy() for k, v in exe.arg_dict.items()}
    head = np.arange(6, dtype=np.float32).reshape(3, 2)

    def f(p):
        h = jnp.tanh(p["data"] @ p["fc1_weight"].T + p["fc1_bias"])
        return jnp.sum((h @ p["fc2_weight"].T + p["fc2_bias"]) * head)

    want = jax.grad(f)({k: jnp.asarray(v) for k, v in args.items()})
    comp = exe._compiled
    for _ in range(3):
        exe.forward(is_train=True)
        exe.backward(nd.array(head))
    for k in args:
        np.testing.assert_allclose(exe.grad_dict[k].asnumpy(), np.asarray(want[k]),
                                   rtol=1e-5, atol=1e-6)
    mask = (True,) * 5
    assert comp.forward_vjp(mask)._cache_size() == 1  # traced once for 3 steps
    assert comp.backward._cache_size() == 1
    exe.forward()
    exe.forward()
    assert comp.forward._cache_size() == 1


def test_grad_req_add_and_null():
    net = _mlp()
    exe = net.simple_bind(mx.cpu(), data=(3, 5), grad_req={"data": "null", "fc1_weight": "add",
                                                          "fc1_bias": "write",
                                                          "fc2_weight": "write",
                                                          "fc2_bias": "write"})
    _fill(exe)
    assert exe.grad_dict["data"] is None
    exe.forward(is_train=True)
    exe.backward(nd.ones((3, 2)))
    once = exe.grad_dict["fc1_weight"].asnumpy().copy()
    b_once = exe.grad_dict["fc1_bias"].asnumpy().copy()
    exe.forward(is_train=True)
    exe.backward(nd.ones((3, 2)))
    np.testing.assert_allclose(exe.grad_dict["fc1_weight"].asnumpy(), 2 * once, rtol=1e-5)
    np.testing.assert_allclose(exe.grad_dict["fc1_bias"].asnumpy(), b_once, rtol=1e-5)


def test_arg_dict_writes_are_seen():
    d = sym.var("x")
    exe = (d * 2).simple_bind(mx.cpu(), x=(2,))
    exe.arg_dict["x"][:] = 3
    assert exe.forward()[0].asnumpy().tolist() == [6.0, 6.0]
    exe.arg_dict["x"][:] = nd.array([1, 2])
    assert exe.forward()[0].asnumpy().tolist() == [2.0, 4.0]


def test_batchnorm_moving_stats_update_with_backward():
    d = sym.var("data")
    bn = sym.BatchNorm(d, momentum=0.5, name="bn")
    exe = bn.simple_bind(mx.cpu(), data=(4, 2))
    exe.arg_dict["data"][:] = np.arange(8).reshape(4, 2)
    exe.aux_dict["bn_moving_var"][:] = 1
    exe.forward(is_train=True)
    exe.backward(nd.ones((4, 2)))
    np.testing.assert_allclose(exe.aux_dict["bn_moving_mean"].asnumpy(), [1.5, 2.0])
    np.testing.assert_allclose(exe.aux_dict["bn_moving_var"].asnumpy(), [3.0, 3.0], rtol=1e-6)
    exe.forward(is_train=False)  # predict: no update
    np.testing.assert_allclose(exe.aux_dict["bn_moving_mean"].asnumpy(), [1.5, 2.0])


def test_dropout_new_mask_each_call_and_seed_reproduces():
    exe = sym.Dropout(sym.var("x"), p=0.5).simple_bind(mx.cpu(), x=(200,))
    exe.arg_dict["x"][:] = 1
    mx.random.seed(3)
    a = exe.forward(is_train=True)[0].asnumpy()
    b = exe.forward(is_train=True)[0].asnumpy()
    mx.random.seed(3)
    c = exe.forward(is_train=True)[0].asnumpy()
    assert (a != b).any()
    np.testing.assert_array_equal(a, c)
    assert exe._compiled.forward_vjp((True,))._cache_size() == 1
