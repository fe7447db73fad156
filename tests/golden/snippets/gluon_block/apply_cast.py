import numpy as np
import mxnet as mx
from mxnet import gluon, nd
from mxnet.gluon import nn

net = nn.HybridSequential(prefix='n_')
with net.name_scope():
    net.add(nn.Dense(2, in_units=2), nn.Dense(1, in_units=2))
names = []
net.apply(lambda b: names.append(b.name))
print(names)
r = net.apply(lambda b: None)
print(r is net)
net.initialize(mx.init.One())
net.cast('float16')
for k, p in net.collect_params().items():
    print(k, p.dtype, p.data().dtype)
net.cast(np.float64)
for k, p in net.collect_params().items():
    print(k, p.dtype, p.data().dtype)
y = net(nd.ones((1, 2), dtype='float64'))
print(y, y.dtype)
