from mxnet import nd
x = nd.array([1, 2, 3], dtype='int64')
a = x.asnumpy()
print(type(a).__name__, a.dtype, a)
a[0] = 100
print(x)
