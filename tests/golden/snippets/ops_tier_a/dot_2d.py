from mxnet import nd
a = nd.arange(6).reshape((2, 3))
b = nd.arange(12).reshape((3, 4))
print(nd.dot(a, b))
print(nd.dot(a, a, transpose_b=True))
print(nd.dot(a, a, transpose_a=True).shape)
