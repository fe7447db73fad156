import mxnet as mx
from mxnet import gluon, nd
from mxnet.gluon import nn

net = nn.HybridSequential(prefix='s_')
with net.name_scope():
    net.add(nn.Dense(3, in_units=2), nn.Activation('relu'), nn.Dense(1, in_units=3))
print(len(net))
print(net[0])
print(net[-1].prefix)
sub = net[1:]
print(type(sub).__name__, sub.prefix, len(sub))
print(sub)
seq = nn.Sequential(prefix='q_')
with seq.name_scope():
    seq.add(nn.Dense(3, in_units=2), nn.Dense(1, in_units=3))
print(type(seq[:1]).__name__, seq[:1])
seq.hybridize()
print('hybridized')
