import mxnet as mx
from mxnet import nd
from mxnet.gluon import nn
c1 = nn.Conv1D(2, 3, strides=2, padding=1, activation='sigmoid')
print(c1)
c1.initialize(mx.init.Constant(0.2))
x1 = nd.sin(nd.arange(2 * 3 * 9)).reshape((2, 3, 9))
print(c1(x1))
print(c1, c1.weight.shape)
c3 = nn.Conv3D(2, (2, 3, 2), padding=(1, 0, 1), in_channels=2)
print(c3)
c3.initialize(mx.init.One())
c3.weight.set_data(nd.cos(nd.arange(2 * 2 * 2 * 3 * 2)).reshape((2, 2, 2, 3, 2)))
c3.bias.set_data(nd.array([1, -1]))
x3 = nd.sin(nd.arange(1 * 2 * 3 * 4 * 3)).reshape((1, 2, 3, 4, 3))
print(c3(x3))
print(c3.collect_params())
