import mxnet as mx
from mxnet import nd
from mxnet.gluon import nn
x = nd.sin(nd.arange(2 * 2 * 5 * 5)).reshape((2, 2, 5, 5))
for p in [nn.MaxPool2D(), nn.MaxPool2D(3, 2, 1), nn.MaxPool2D((2, 3), ceil_mode=True),
          nn.AvgPool2D(), nn.AvgPool2D(3, 2, 1), nn.AvgPool2D(3, 2, 1, count_include_pad=False),
          nn.AvgPool2D(2, ceil_mode=True), nn.GlobalMaxPool2D(), nn.GlobalAvgPool2D()]:
    print(p)
    print(p(x))
