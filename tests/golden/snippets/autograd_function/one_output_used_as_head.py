from mxnet import nd, autograd

class Tup(autograd.Function):
    def forward(self, x):
        return x * 2, x * 3

    def backward(self, da, db):
        print('da', da.asnumpy().tolist(), 'db', db.asnumpy().tolist())
        return da * 2 + db * 3

x = nd.array([1., 2.])
x.attach_grad()
with autograd.record():
    a, b = Tup()(x)
a.backward()
print(x.grad)
