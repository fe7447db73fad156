from mxnet import nd, autograd

class One(autograd.Function):
    def forward(self, x):
        return x * 2

    def backward(self, dy):
        return dy * 2

class Tup(autograd.Function):
    def forward(self, x):
        return x * 2, x * 3

    def backward(self, da, db):
        return da * 2 + db * 3

class Lst(autograd.Function):
    def forward(self, x):
        return [x * 2, x * 3]

    def backward(self, da, db):
        return da * 2 + db * 3

x = nd.array([1., 2.])
x.attach_grad()
for cls in (One, Tup, Lst):
    r = cls()(x)
    print(cls.__name__, 'off', type(r).__name__)
    with autograd.record():
        r = cls()(x)
    print(cls.__name__, 'on', type(r).__name__, len(r) if not isinstance(r, nd.NDArray) else r.shape)
