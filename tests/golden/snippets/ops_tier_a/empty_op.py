from mxnet import nd
e = nd.empty((3, 2), dtype='float64')
print(e.shape, e.dtype, e.context)
