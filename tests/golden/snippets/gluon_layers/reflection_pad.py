import mxnet as mx
from mxnet import nd
from mxnet.gluon import nn
x = nd.arange(2 * 1 * 3 * 4).reshape((2, 1, 3, 4))
p = nn.ReflectionPad2D(2)
print(p)
print(p.collect_params())
print(p(x))
print(nn.ReflectionPad2D((0, 0, 0, 0, 1, 0, 0, 2))(x))
