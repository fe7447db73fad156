import mxnet as mx
from mxnet import nd
from mxnet.gluon import nn
from mxnet.gluon.contrib import nn as cnn

x = nd.arange(12).reshape((3, 4)) / 10
for hybrid in (False, True):
    c = cnn.HybridConcurrent(axis=1)
    with c.name_scope():
        c.add(nn.Dense(3, activation='relu'), cnn.Identity(), nn.Dense(2))
    c.initialize(mx.init.Constant(0.1))
    if hybrid:
        c.hybridize()
    print(c(x))
    print(c)
c = cnn.Concurrent(axis=0)
with c.name_scope():
    c.add(nn.Dense(4, in_units=4), cnn.Identity())
c.initialize(mx.init.One())
print(c(x))
i = cnn.Identity()
print(i(x))
