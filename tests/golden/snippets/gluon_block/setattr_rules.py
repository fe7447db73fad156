import mxnet as mx
from mxnet import gluon
from mxnet.gluon import nn

def check(f):
    try:
        print(f())
    except Exception as e:
        print('!! CAUGHT %s: %s' % (type(e).__name__, str(e).strip().replace('\n', ' | ')))

class M(gluon.Block):
    def __init__(self, **kwargs):
        super(M, self).__init__(**kwargs)
        with self.name_scope():
            self.d = nn.Dense(2)
            self.w = self.params.get('w', shape=(2,))
    def forward(self, x):
        return x
m = M(prefix='m_')
def f1():
    m.d = 5
check(f1)
def f2():
    m.w = nn.Dense(3)
check(f2)
def f3():
    m.w = m.params.get('w2', shape=(3,))
check(f3)
def f4():
    m.d = nn.Dense(7)
    return m.d
check(f4)
print(list(m._children.keys()))
print(m)
def f5():
    m.x = 1
    m.x = nn.Dense(1)
    return m.x
check(f5)
print(list(m._children.keys()))
print(sorted(m._reg_params.keys()))
class H(gluon.HybridBlock):
    def __init__(self, **kwargs):
        super(H, self).__init__(**kwargs)
        self.seq = nn.Sequential()
    def hybrid_forward(self, F, x):
        return x
check(lambda: H())
class H2(gluon.HybridBlock):
    def hybrid_forward(self, F, x):
        return x
h = H2()
check(lambda: h.register_child(nn.Sequential()))
