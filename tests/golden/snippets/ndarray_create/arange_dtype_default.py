from mxnet import nd
x = nd.arange(4)
print(x.dtype)
print(nd.arange(2, 8, 2, dtype='int64'))
