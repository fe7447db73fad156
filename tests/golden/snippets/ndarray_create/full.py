from mxnet import nd
print(nd.full((2, 3), 7))
print(nd.full(2, 1.5))
x = nd.full((2,), 2.7, dtype='int32')
print(x, x.dtype)
print(nd.full((2,), 3, dtype='float64').dtype)
