from mxnet import nd
x = nd.arange(24).reshape((2, 3, 4))
print(x.reshape((4, 0, 2)).shape)
print(x.reshape((2, 0, 0)).shape)
print(x.reshape((0, -1)).shape)
