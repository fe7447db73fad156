from mxnet import nd, autograd

class Sigmoid(autograd.Function):
    def forward(self, x):
        y = 1 / (1 + nd.exp(-x))
        self.save_for_backward(y)
        return y

    def backward(self, dy):
        y, = self.saved_tensors
        return dy * y * (1 - y)

x = nd.array([-2., 0., 1., 5.])
x.attach_grad()
with autograd.record():
    y = Sigmoid()(x)
y.backward()
print(y)
print(x.grad)
print((x.grad - y * (1 - y)).abs().max())
print('%.8f' % x.grad.asnumpy()[3])
