import mxnet as mx
from mxnet import gluon, nd

class Split(gluon.HybridBlock):
    def hybrid_forward(self, F, x):
        a = F.relu(x)
        b = F.sigmoid(x)
        return a, [b, x * 2]

class Pair(gluon.HybridBlock):
    def hybrid_forward(self, F, x):
        return [x + 1, x - 1]

x = nd.array([[-1.0, 0.5], [2.0, -3.0]])
for hyb in (False, True):
    s = Split()
    p = Pair()
    if hyb:
        s.hybridize()
        p.hybridize()
    out = s(x)
    print(type(out).__name__, len(out), type(out[1]).__name__)
    print(out[0])
    print(out[1][0])
    print(out[1][1])
    out2 = p(x)
    print(type(out2).__name__, out2[0].asnumpy().tolist(), out2[1].asnumpy().tolist())

class Deep(gluon.HybridBlock):
    def hybrid_forward(self, F, x):
        return (x, [x * 2, (x, x + 1)])
d = Deep()
print(d(x)[1][1][1])
print(type(d(x)).__name__, type(d(x)[1][1]).__name__)
d.hybridize()
out = d(x)
print(type(out).__name__, type(out[1][1]).__name__)
print(out[1][1][1])
class Single(gluon.HybridBlock):
    def hybrid_forward(self, F, x):
        return [x]
one = Single()
print(type(one(x)).__name__)
one.hybridize()
print(type(one(x)).__name__, len(one(x)))
