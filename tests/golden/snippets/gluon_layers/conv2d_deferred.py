import mxnet as mx
from mxnet import nd
from mxnet.gluon import nn
net = nn.Conv2D(3, kernel_size=3, padding=1)
print(net)
print(net.collect_params())
net.initialize(mx.init.Constant(0.1))
x = nd.arange(2 * 2 * 4 * 4).reshape((2, 2, 4, 4)) / 10
y = net(x)
print(net)
print(net.collect_params())
print(y)
net.weight.set_data(nd.sin(nd.arange(3 * 2 * 3 * 3)).reshape((3, 2, 3, 3)))
net.bias.set_data(nd.array([0.5, -1, 2]))
print(net(x))
