import mxnet as mx
from mxnet import gluon, nd
from mxnet.gluon import nn

net = nn.HybridSequential(prefix='r_')
with net.name_scope():
    net.add(nn.Dense(2, in_units=2))
net.initialize(mx.init.One())
net.hybridize(static_alloc=True, static_shape=True)
x = nd.array([[1.0, 2.0]])
print(net(x))
net[0].weight.set_data(nd.array([[1.0, 0.0], [0.0, 2.0]]))
print(net(x))
with net.name_scope():
    net.add(nn.Dense(1, in_units=2))
net[1].initialize(mx.init.One())
print(net(x))
net.hybridize(False)
print(net(x))
net.hybridize()
print(net(nd.ones((3, 2))))
