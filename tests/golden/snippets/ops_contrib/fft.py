import mxnet as mx
from mxnet import nd

x = nd.array([[1.0, 2.0, 0.0, -1.0], [0.5, 0.5, 3.0, 1.0]])
f = nd.contrib.fft(x)
print(f)
print(nd.contrib.ifft(f))
print(nd.contrib.fft(nd.arange(6).reshape((6,))).shape)
print(nd.contrib.fft(nd.arange(12).reshape((1, 2, 6))).shape)
