from mxnet import nd, autograd

class Neg(autograd.Function):
    def forward(self, x):
        return -x

    def backward(self, dy):
        return -dy

x = nd.array([1., 2.])
x.attach_grad()
with autograd.record():
    y = Neg()(x)
    z = Neg()(y * 3)
z.backward()
print(z)
print(x.grad)
