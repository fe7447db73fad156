from mxnet import nd, autograd

class Mul(autograd.Function):
    def forward(self, a, b):
        self.save_for_backward(a, b)
        return a * b

    def backward(self, dy):
        a, b = self.saved_tensors
        return [dy * b, dy * a]

a = nd.array([2., 3.])
b = nd.array([4., 5.])
a.attach_grad()
b.attach_grad()
with autograd.record():
    y = Mul()(a, b)
y.backward()
print(a.grad)
print(b.grad)
