import mxnet as mx
from mxnet import nd
from mxnet.gluon import nn
x = nd.sin(nd.arange(2 * 5 * 5 * 3)).reshape((2, 5, 5, 3))
for p in [nn.MaxPool2D(layout='NHWC'), nn.AvgPool2D(3, 2, 1, layout='NHWC'),
          nn.GlobalMaxPool2D(layout='NHWC'), nn.GlobalAvgPool2D(layout='NHWC')]:
    print(p)
    print(p(x))
x1 = nd.sin(nd.arange(2 * 6 * 2)).reshape((2, 6, 2))
for p in [nn.MaxPool1D(layout='NWC'), nn.AvgPool1D(3, 2, 1, layout='NWC'),
          nn.GlobalAvgPool1D(layout='NWC')]:
    print(p)
    print(p(x1))
x3 = nd.sin(nd.arange(1 * 2 * 4 * 4 * 2)).reshape((1, 2, 4, 4, 2))
for p in [nn.MaxPool3D(layout='NDHWC'), nn.AvgPool3D(layout='NDHWC'),
          nn.GlobalMaxPool3D(layout='NDHWC')]:
    print(p)
    print(p(x3))
