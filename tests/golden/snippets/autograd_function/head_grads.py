from mxnet import nd, autograd

class Scale(autograd.Function):
    def forward(self, x):
        return x * 4

    def backward(self, dy):
        print('dy', dy.asnumpy().tolist())
        return dy * 4

x = nd.array([1., 2.])
x.attach_grad()
with autograd.record():
    y = Scale()(x)
y.backward(nd.array([0.5, 2.]))
print(x.grad)
