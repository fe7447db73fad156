from mxnet import nd
x = nd.empty((2, 3))
print(x.shape, x.dtype, x.context)
y = nd.empty(4, dtype='int32')
print(y.shape, y.dtype)
