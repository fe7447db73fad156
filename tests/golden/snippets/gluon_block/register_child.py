import mxnet as mx
from mxnet import gluon, nd
from mxnet.gluon import nn

class M(gluon.Block):
    def forward(self, x):
        for blk in self._children.values():
            x = blk(x)
        return x
m = M(prefix='m_')
a = nn.Dense(2, in_units=2, prefix='a_')
b = nn.Dense(2, in_units=2, prefix='b_')
m.register_child(a)
m.register_child(b, 'second')
m.register_child(a, 'again')
print(list(m._children.keys()))
print(m)
print(list(m.collect_params().keys()))
m.initialize(mx.init.One())
print(m(nd.ones((1, 2))))
