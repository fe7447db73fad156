from mxnet import nd
a = nd.array([1, 2], dtype='int32')
b = nd.array(a)
print(b, b.dtype)
print(b is a)
c = nd.array(a, dtype='float64')
print(c.dtype)
