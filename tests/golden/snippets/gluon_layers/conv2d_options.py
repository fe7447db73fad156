import mxnet as mx
from mxnet import nd
from mxnet.gluon import nn
x = nd.cos(nd.arange(2 * 4 * 7 * 6)).reshape((2, 4, 7, 6))
for kw in [dict(strides=2, padding=1), dict(strides=(2, 1), dilation=(2, 1)),
           dict(groups=2, use_bias=False), dict(activation='relu', padding=(1, 0)),
           dict(activation='tanh', groups=4, dilation=2)]:
    net = nn.Conv2D(4, (3, 2), in_channels=4, **kw)
    print(net)
    print(net.collect_params())
    net.initialize(mx.init.One())
    w = net.weight
    w.set_data(nd.cos(nd.arange(w.data().size)).reshape(w.shape) / 3)
    print(net(x))
