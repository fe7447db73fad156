import mxnet as mx
from mxnet import nd, autograd

x = nd.array([[0.5, -0.3, 1.2], [0.1, 0.9, -0.4], [2.0, 0.0, 0.3]])
lab = nd.array([2, 1, 0])
for kw in ({}, {"use_linear": True}, {"margin": 0.5, "regularization_coefficient": 2.0},
           {"margin": 0.5, "regularization_coefficient": 2.0, "use_linear": True}):
    x.attach_grad()
    with autograd.record():
        y = nd.SVMOutput(x, lab, **kw)
    y.backward()
    print(y.asnumpy().tolist(), x.grad)
