from mxnet import nd, autograd

class SumDiff(autograd.Function):
    def forward(self, a, b):
        self.save_for_backward(a, b)
        return a * b, a - b

    def backward(self, dp, dd):
        a, b = self.saved_tensors
        return dp * b + dd, dp * a - dd

a = nd.array([1., 2.])
b = nd.array([3., 5.])
a.attach_grad()
b.attach_grad()
with autograd.record():
    p, d = SumDiff()(a, b)
    out = p * 2 + d * 10
out.backward()
print(p, d)
print(a.grad)
print(b.grad)
