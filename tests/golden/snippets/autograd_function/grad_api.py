from mxnet import nd, autograd

class Cube(autograd.Function):
    def forward(self, x):
        self.save_for_backward(x)
        return x * x * x

    def backward(self, dy):
        x, = self.saved_tensors
        return dy * 3 * x * x

x = nd.array([1., 2.])
x.attach_grad()
with autograd.record():
    y = Cube()(x)
print(autograd.grad(y, [x]))
print(x.grad)
