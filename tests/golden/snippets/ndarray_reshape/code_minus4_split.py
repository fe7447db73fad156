from mxnet import nd
x = nd.arange(24).reshape((2, 3, 4))
print(x.reshape((-4, 1, 2, -2)).shape)
print(x.reshape((2, -4, -1, 3, -2)).shape)
print(x.reshape((-4, 2, 1, 0, 0)).shape)
print(nd.arange(12).reshape((-4, 3, -1)))
