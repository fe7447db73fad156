from mxnet import nd
a = nd.arange(12).reshape((2, 2, 3))
b = nd.arange(12).reshape((2, 3, 2))
print(nd.batch_dot(a, b))
print(nd.batch_dot(a, a, transpose_b=True).shape)
