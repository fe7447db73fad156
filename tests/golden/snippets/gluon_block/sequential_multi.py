import mxnet as mx
from mxnet import gluon, nd
from mxnet.gluon import nn

def check(f):
    try:
        print(f())
    except Exception as e:
        m = str(e).split('MXNetError: ')[-1]
        print('!! CAUGHT %s: %s' % (type(e).__name__, m.strip().replace('\n', ' | ')[:300]))

class Two(gluon.HybridBlock):
    def hybrid_forward(self, F, x):
        return x + 1, x * 2
class Take(gluon.HybridBlock):
    def hybrid_forward(self, F, x, y=None):
        if y is None:
            return x * 10
        return x - y
class First(gluon.HybridBlock):
    def hybrid_forward(self, F, x):
        return x[0] if isinstance(x, (list, tuple)) else x
for cls in (nn.Sequential, nn.HybridSequential):
    net = cls()
    net.add(Two(), Take())
    check(lambda: net(nd.array([1.0, 2.0])))
    net2 = cls()
    net2.add(Take())
    check(lambda: net2(nd.array([1.0, 2.0]), nd.array([0.5, 0.5])))
    only = cls()
    only.add(Two())
    out = only(nd.array([1.0, 2.0]))
    print(type(out).__name__, len(out))
    if cls is nn.HybridSequential:
        only.hybridize()
        out = only(nd.array([1.0, 2.0]))
        print(type(out).__name__, len(out))
        net2.hybridize()
        check(lambda: net2(nd.array([1.0, 2.0]), nd.array([0.5, 0.5])))
