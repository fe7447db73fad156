from mxnet import nd
x = nd.array(2)
print(x.shape, x.size, x.ndim, x.dtype)
print(x)
y = nd.array(1.5, dtype='float64')
print(y.shape, y.dtype)
