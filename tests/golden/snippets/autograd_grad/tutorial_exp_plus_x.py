import mxnet as mx
from mxnet import nd, autograd
x = nd.array([1, 1])
x.attach_grad()
with autograd.record():
    z = nd.exp(x) + x
print(mx.autograd.grad(z, [x], create_graph=True))
