import mxnet as mx
from mxnet import gluon, nd
from mxnet.gluon import nn

class M(gluon.HybridBlock):
    def __init__(self, **kw):
        super(M, self).__init__(**kw)
        with self.name_scope():
            self.layers = [nn.Dense(2, in_units=2), nn.Dense(2, in_units=2)]
            self.named = {'a': [nn.Dense(2, in_units=2)]}
            self.nums = [1, 2]
            self.body = nn.Dense(1, in_units=2)
            self.ok = [self.body]
    def hybrid_forward(self, F, x):
        for l in self.layers:
            x = l(x)
        return x
m = M(prefix='m_')
print(list(m.collect_params().keys()))
m.initialize()
print('initialized')
class B(gluon.Block):
    def __init__(self, **kw):
        super(B, self).__init__(**kw)
        self.layers = (nn.Dense(2, in_units=2),)
    def forward(self, x):
        return x
outer = nn.Sequential(prefix='o_')
outer.add(B())
print(len(outer.collect_params().keys()))
