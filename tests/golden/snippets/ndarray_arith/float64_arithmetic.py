from mxnet import nd
x = nd.array([0.1, 0.2], dtype='float64')
y = x + nd.array([0.2, 0.1], dtype='float64')
print(y.asnumpy().tolist(), y.dtype)
print((x * 3).asnumpy().tolist())
