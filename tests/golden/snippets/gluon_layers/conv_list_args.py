import mxnet as mx
from mxnet import nd
from mxnet.gluon import nn
c = nn.Conv2D(2, [3, 3], strides=[2, 2], padding=[1, 1])
print(c)
c.initialize(mx.init.One())
print(c(nd.ones((1, 1, 5, 5))))
p = nn.MaxPool2D([3, 3], strides=[2, 2], padding=[1, 1])
print(p)
print(p(nd.arange(25).reshape((1, 1, 5, 5))))
print(nn.Conv2D(2, 3, in_channels=3, layout='NHWC'), nn.Conv2D(2, 3, layout='NHWC').weight.shape)
print(nn.Conv2DTranspose(6, 3, groups=3, in_channels=3, layout='NHWC').weight.shape)
print(nn.Conv2D(6, 3, groups=3, in_channels=3, layout='NHWC').weight.shape)
print(nn.Conv3D(4, 2, layout='NDHWC'))
