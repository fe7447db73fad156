import mxnet as mx
from mxnet.gluon import nn
from mxnet.gluon.contrib import nn as cnn

c = cnn.HybridConcurrent(axis=1)
with c.name_scope():
    c.add(nn.Dense(3), cnn.Identity(), nn.Dense(2))
print(c)
print(c.prefix, sorted(c.collect_params().keys()))
c2 = cnn.Concurrent()
with c2.name_scope():
    c2.add(nn.Dense(3, in_units=4))
print(c2)
print(c2.prefix, sorted(c2.collect_params().keys()))
i = cnn.Identity()
print(i, i.prefix)
s = cnn.SyncBatchNorm(num_devices=2)
print(s)
print(s.prefix, sorted(s.collect_params().keys()))
s = cnn.SyncBatchNorm(in_channels=3, num_devices=1, momentum=0.8, scale=False)
print(s)
print(cnn.PixelShuffle1D(2), cnn.PixelShuffle2D((2, 3)), cnn.PixelShuffle3D(2))
print(cnn.PixelShuffle2D(2).prefix)
