from mxnet import nd
x = nd.zeros((2, 3), dtype='int32')
x[0] = 3.7
print(x)
x[1] = nd.array([1.9, -1.9, 2.5])
print(x, x.dtype)
