from mxnet import nd
a = nd.array([1.7, -2.2])
b = nd.zeros(2, dtype='int32')
a.copyto(b)
print(b, b.dtype)
