import mxnet as mx
from mxnet import nd, autograd
from mxnet.gluon.contrib import nn as cnn

x = nd.arange(24).reshape((2, 3, 2, 2)) / 7.0
for hybrid in (False, True):
    s = cnn.SyncBatchNorm(num_devices=1, momentum=0.5)
    s.initialize()
    if hybrid:
        s.hybridize()
    print(s(x))
    with autograd.record():
        y = s(x)
    (y * x).sum().backward()
    print(y)
    print(s.running_mean.data())
    print(s.running_var.data())
    print(s.gamma.grad())
    print(s)
