import mxnet as mx
print(mx.random.randn(2, 3).shape, mx.random.randn(5).dtype)
x = mx.random.randn(3, 4, loc=10, scale=0.5, dtype='float64')
print(x.shape, x.dtype)
print(mx.random.randn(2, 2, 2).shape)
o = mx.nd.zeros((2, 3))
print(mx.random.randn(2, 3, out=o) is o)
