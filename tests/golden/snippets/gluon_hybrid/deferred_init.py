import mxnet as mx
from mxnet import gluon, nd
from mxnet.gluon import nn

net = nn.HybridSequential(prefix='d_')
with net.name_scope():
    net.add(nn.Dense(3, activation='relu'), nn.Dense(2))
net.initialize(mx.init.One())
print(net)
print([p.shape for p in net.collect_params().values()])
net.hybridize()
x = nd.arange(10).reshape((2, 5)) / 10.0
print(net(x))
print(net)
print([p.shape for p in net.collect_params().values()])
print(net[0].weight.data())
print(net(nd.ones((1, 5))))
