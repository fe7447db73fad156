import mxnet as mx
from mxnet import gluon, nd
from mxnet.gluon import nn
net = nn.HybridSequential()
with net.name_scope():
    net.add(nn.Dense(4, in_units=3, activation='relu'), nn.Dropout(0.5), nn.Dense(2))
net.initialize(mx.init.One())
net.summary(nd.ones((2, 3)))
class M(gluon.Block):
    def __init__(self, **kw):
        super(M, self).__init__(**kw)
        with self.name_scope():
            self.a = nn.Dense(3, in_units=2)
            self.b = nn.Dense(3, in_units=2, use_bias=False)
            self.c = self.params.get('c', shape=(5,))
            self.k = self.params.get_constant('k', nd.ones((2,2)))
    def forward(self, x, y):
        return self.a(x), [self.b(y), x]
m = M()
m.initialize(mx.init.One())
m.summary(nd.ones((1, 2)), nd.ones((4, 2)))
