import mxnet as mx
from mxnet import gluon, nd

def check(f):
    try:
        print(f())
    except Exception as e:
        m = str(e).split('MXNetError: ')[-1]
        print('!! CAUGHT %s: %s' % (type(e).__name__, m.strip().replace('\n', ' | ')))

class Add(gluon.HybridBlock):
    def hybrid_forward(self, F, x, y=None):
        if y is None:
            return x * 2
        return x + y
x = nd.ones((2,))
net = Add()
print(net(x))
print(net(x, x))
net.hybridize()
check(lambda: net(x))
check(lambda: net(x, x))
check(lambda: net(x, None))
net.hybridize()
check(lambda: net(x, None))
check(lambda: net(x, None))
check(lambda: net(x, x))

class Scalar(gluon.HybridBlock):
    def hybrid_forward(self, F, x, s):
        return x * s
s = Scalar()
print(s(x, 3.0))
check(lambda: s(3.0, x))
check(lambda: s(3.0, 2.0))
s.hybridize()
check(lambda: s(x, 3.0))
check(lambda: s(3.0, 2.0))

class Pass(gluon.HybridBlock):
    def hybrid_forward(self, F, x, *args):
        return x + args[0] if args else x
p = Pass()
print(p(nd.ones((1,)), nd.ones((1,), ctx=mx.cpu(1))).context)
p.hybridize()
check(lambda: p(nd.ones((1,)), nd.ones((1,), ctx=mx.cpu(1))))
print(p(nd.ones((1,), ctx=mx.cpu(1)), nd.ones((1,), ctx=mx.cpu(1))).context)
check(lambda: p([nd.ones((1,)), nd.ones((2,))]))
class Pass2(gluon.HybridBlock):
    def hybrid_forward(self, F, x, y):
        return x + y[0]
q = Pass2()
q.hybridize()
print(q(nd.ones((1,)), [nd.ones((1,)), None]))
print(q(nd.ones((1,)), (nd.ones((1,)), None)))
check(lambda: q(nd.ones((1,)), [nd.ones((1,)), nd.ones((1,))]))
