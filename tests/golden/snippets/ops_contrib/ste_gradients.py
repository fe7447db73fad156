import mxnet as mx
from mxnet import nd, autograd

x = nd.array([[0.3, -1.7, 2.2], [0.6, -0.4, 1.5]])
for name, kw in [("round_ste", {}), ("sign_ste", {}), ("gradientmultiplier", {"scalar": -0.5}),
                 ("quadratic", {"a": 1.5, "b": -2.0, "c": 3.0}), ("div_sqrt_dim", {})]:
    x.attach_grad()
    with autograd.record():
        y = getattr(nd.contrib, name)(x, **kw)
    y.backward(nd.array([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]]))
    print(name, y.asnumpy().tolist(), x.grad.asnumpy().tolist())
