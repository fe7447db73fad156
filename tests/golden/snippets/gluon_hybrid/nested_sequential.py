import mxnet as mx
from mxnet import gluon, nd
from mxnet.gluon import nn

def build():
    net = nn.HybridSequential(prefix='net_')
    with net.name_scope():
        inner = nn.HybridSequential()
        inner.add(nn.Dense(5, activation='relu'), nn.Dense(4, activation='tanh'))
        net.add(inner, nn.Flatten(), nn.Dense(2))
    net.initialize(mx.init.Constant(0.1))
    return net
x = nd.arange(12).reshape((3, 4)) / 12.0
a = build()
b = build()
b.hybridize()
ya = a(x)
yb = b(x)
print(ya)
print(yb)
print(abs(ya - yb).max().asscalar() < 1e-6)
print(b(nd.ones((1, 4))))
print(b)
