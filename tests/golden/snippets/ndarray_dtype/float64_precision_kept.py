from mxnet import nd
x = nd.array([1 / 3.0], dtype='float64')
print(x.asnumpy().tolist())
y = x * 3
print(y.asnumpy().tolist(), y.dtype)
print((x + 1e-12).asnumpy().tolist())
