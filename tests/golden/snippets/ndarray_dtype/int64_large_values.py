from mxnet import nd
x = nd.array([2 ** 40, -(2 ** 40)], dtype='int64')
print(x)
print((x + 1).asnumpy().tolist())
print(x.dtype)
