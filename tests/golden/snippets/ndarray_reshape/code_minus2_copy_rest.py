from mxnet import nd
x = nd.arange(24).reshape((2, 3, 4))
print(x.reshape((-2,)).shape)
print(x.reshape((2, -2)).shape)
print(x.reshape((-2, 1, 1)).shape)
