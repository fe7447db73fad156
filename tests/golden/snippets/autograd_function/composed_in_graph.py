from mxnet import nd, autograd

class Exp(autograd.Function):
    def forward(self, x):
        y = nd.exp(x)
        self.save_for_backward(y)
        return y

    def backward(self, dy):
        y, = self.saved_tensors
        return dy * y

x = nd.array([0., 1.])
x.attach_grad()
with autograd.record():
    h = x * 2
    y = Exp()(h)
    z = y * x + h
z.backward()
print(z)
print(x.grad)
