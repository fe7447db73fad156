import mxnet as mx
from mxnet import gluon
from mxnet.gluon import nn

net = nn.HybridSequential()
net.add(nn.Dense(2, in_units=3))
net.add(nn.Dense(4))
print(net.prefix)
print([c.prefix for c in net._children.values()])
print(list(net.collect_params().keys()))
class Model(gluon.Block):
    def __init__(self, **kwargs):
        super(Model, self).__init__(**kwargs)
        self.a = nn.Dense(2)
        with self.name_scope():
            self.b = nn.Dense(2)
    def forward(self, x):
        return self.b(self.a(x))
m = Model()
print(m.prefix, m.a.prefix, m.b.prefix)
print(list(m.collect_params().keys()))
m2 = Model()
print(m2.prefix, m2.a.prefix, m2.b.prefix)
