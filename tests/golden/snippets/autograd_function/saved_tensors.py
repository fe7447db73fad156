from mxnet import nd, autograd

class F(autograd.Function):
    def forward(self, x):
        print('initial', self.saved_tensors)
        self.save_for_backward(x, x * 2)
        print(len(self.saved_tensors), type(self.saved_tensors).__name__)
        self.save_for_backward(x * 3)
        print(len(self.saved_tensors))
        return x + 0

    def backward(self, dy):
        t, = self.saved_tensors
        return dy * t

x = nd.array([1., 2.])
x.attach_grad()
with autograd.record():
    y = F()(x)
y.backward()
print(x.grad)
f = F.__new__(F)
autograd.Function.__init__(f)
print(f._used, f.saved_tensors)
f.save_for_backward()
print(f.saved_tensors)
