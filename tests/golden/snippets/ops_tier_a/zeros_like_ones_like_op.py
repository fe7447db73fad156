from mxnet import nd
x = nd.arange(6, dtype='int64').reshape((2, 3))
print(nd.zeros_like(x), nd.ones_like(x).dtype)
