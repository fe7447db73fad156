from mxnet import nd
a = nd.arange(4).reshape((2, 2))
b = nd.ones((2, 1))
print(nd.concat(a, b))
print(nd.concat(a, a, dim=0))
print(nd.concat(a, b, a, dim=1).shape)
