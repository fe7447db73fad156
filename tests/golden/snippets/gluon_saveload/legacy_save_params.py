import mxnet as mx
from mxnet import gluon, nd
from mxnet.gluon import nn

net = nn.HybridSequential(prefix='m_')
with net.name_scope():
    net.add(nn.Dense(2, in_units=2), nn.Dense(1, in_units=2))
net.initialize(mx.init.Constant(0.25))
net.save_params('legacy.params')
print(sorted(nd.load('legacy.params').keys()))
net2 = nn.HybridSequential(prefix='m_')
with net2.name_scope():
    net2.add(nn.Dense(2, in_units=2), nn.Dense(1, in_units=2))
net2.load_params('legacy.params')
print(net2[1].weight.data())
net3 = nn.HybridSequential(prefix='m_')
with net3.name_scope():
    net3.add(nn.Dense(2, in_units=2), nn.Dense(1, in_units=2))
net3.load_parameters('legacy.params')
print(net3[0].bias.data())
net4 = nn.HybridSequential(prefix='other_')
with net4.name_scope():
    net4.add(nn.Dense(2, in_units=2), nn.Dense(1, in_units=2))
net4.load_parameters('legacy.params')
print(net4[0].weight.data())
net.save_parameters('new.params')
net5 = nn.HybridSequential(prefix='m_')
with net5.name_scope():
    net5.add(nn.Dense(2, in_units=2), nn.Dense(1, in_units=2))
net5.load_params('new.params')
print(net5[1].bias.data())
