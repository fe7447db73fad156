import numpy as np
from mxnet import nd, autograd

class NpCube(autograd.Function):
    def forward(self, x):
        v = x.asnumpy()
        self.save_for_backward(x)
        return nd.array(v ** 3)

    def backward(self, dy):
        x, = self.saved_tensors
        g = 3 * x.asnumpy() ** 2 * dy.asnumpy()
        return nd.array(g)

x = nd.array([1., 2., 3.])
x.attach_grad()
with autograd.record():
    y = NpCube()(x)
    z = y * 2
z.backward()
print(y)
print(x.grad)
