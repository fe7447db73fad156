import mxnet as mx
from mxnet import gluon
from mxnet.gluon import nn

a = nn.Dense(2, prefix='fc_')
print(a.prefix, a.name, list(a.params.keys()))
b = nn.Dense(2, prefix='')
print(repr(b.prefix), repr(b.name), list(b.params.keys()))
with b.name_scope():
    c = nn.Dense(3)
print(c.prefix)
d = nn.Dense(2, prefix='noscore')
print(d.prefix, d.name, list(d.params.keys()))
net = nn.HybridSequential(prefix='model_')
with net.name_scope():
    net.add(nn.Dense(2, prefix='first_'))
    net.add(nn.Dense(2))
print([blk.prefix for blk in net._children.values()])
print(list(net.collect_params().keys()))
e = nn.Dense(2)
print(e.prefix)
