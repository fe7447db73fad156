from mxnet import nd, autograd

class Pow(autograd.Function):
    def __init__(self, k):
        super(Pow, self).__init__()
        self.k = k

    def forward(self, x):
        self.save_for_backward(x)
        return x ** self.k

    def backward(self, dy):
        x, = self.saved_tensors
        return dy * self.k * x ** (self.k - 1)

x = nd.array([1., 2., 3.])
x.attach_grad()
with autograd.record():
    y = Pow(3)(x)
y.backward()
print(y)
print(x.grad)
