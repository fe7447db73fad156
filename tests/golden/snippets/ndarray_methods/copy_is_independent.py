from mxnet import nd
a = nd.array([1, 2], dtype='int32')
b = a.copy()
print(b is a, b.dtype, b.context)
b[0] = 5
print(a, b)
