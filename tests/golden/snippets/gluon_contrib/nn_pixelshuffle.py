import mxnet as mx
from mxnet import nd
from mxnet.gluon.contrib import nn as cnn

x1 = nd.arange(24).reshape((2, 6, 2))
x2 = nd.arange(72).reshape((1, 12, 2, 3))
x3 = nd.arange(2 * 24 * 2 * 2 * 1).reshape((2, 24, 2, 2, 1))
for hybrid in (False, True):
    p1, p2, p3 = cnn.PixelShuffle1D(3), cnn.PixelShuffle2D((2, 3)), cnn.PixelShuffle3D((2, 3, 2))
    if hybrid:
        for p in (p1, p2, p3):
            p.hybridize()
    print(p1(x1))
    print(p2(x2))
    y = p3(x3)
    print(y.shape)
    print(y.reshape((-1,)).asnumpy().tolist())
p = cnn.PixelShuffle2D(2)
print(p(nd.arange(16).reshape((1, 4, 2, 2))))
try:
    cnn.PixelShuffle2D((1, 2, 3))
except AssertionError as e:
    print('!! CAUGHT AssertionError:', e)
