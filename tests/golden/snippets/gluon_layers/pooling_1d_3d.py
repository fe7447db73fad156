import mxnet as mx
from mxnet import nd
from mxnet.gluon import nn
x1 = nd.sin(nd.arange(2 * 2 * 7)).reshape((2, 2, 7))
for p in [nn.MaxPool1D(), nn.MaxPool1D(3, 2, 1, ceil_mode=True), nn.AvgPool1D(3, 1, 1),
          nn.AvgPool1D(3, 2, 1, count_include_pad=False), nn.GlobalMaxPool1D(),
          nn.GlobalAvgPool1D()]:
    print(p)
    print(p(x1))
x3 = nd.sin(nd.arange(1 * 2 * 3 * 4 * 5)).reshape((1, 2, 3, 4, 5))
for p in [nn.MaxPool3D(), nn.MaxPool3D(2, 1, ceil_mode=True), nn.AvgPool3D((1, 2, 2)),
          nn.AvgPool3D(2, 2, 1, count_include_pad=False), nn.GlobalMaxPool3D(),
          nn.GlobalAvgPool3D()]:
    print(p)
    print(p(x3))
