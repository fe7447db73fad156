import mxnet as mx
from mxnet import gluon, nd
from mxnet.gluon import nn

a = nn.Dense(2, in_units=3, prefix='a_')
b = nn.Dense(2, in_units=3, params=a.params)
print(b.prefix, list(b.params.keys()))
print(b.weight is a.weight, b.bias is a.bias)
a.initialize(mx.init.One())
x = nd.ones((1, 3))
print(b(x))
c = nn.Dense(2, in_units=3, prefix='c_', params=a.collect_params())
print(c.prefix, list(c.params.keys()), c.weight is a.weight)
print(c.params)
net = nn.HybridSequential(prefix='net_')
with net.name_scope():
    d1 = nn.Dense(2, in_units=2)
    d2 = nn.Dense(2, in_units=2, params=d1.params)
    net.add(d1, d2)
print(list(net.collect_params().keys()))
print(d2.weight is d1.weight)
net.initialize(mx.init.One())
print(net(nd.ones((1, 2))))
