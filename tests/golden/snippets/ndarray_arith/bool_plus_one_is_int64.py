from mxnet import nd
b = nd.array([True, False], dtype='bool')
y = b + 1
print(y, y.dtype)
