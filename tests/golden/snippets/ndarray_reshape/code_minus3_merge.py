from mxnet import nd
x = nd.arange(24).reshape((2, 3, 4))
print(x.reshape((-3, 4)).shape)
print(x.reshape((0, -3)).shape)
print(x.reshape((-3, -2)).shape)
print(nd.zeros((2, 3, 4, 5)).reshape((-3, -3)).shape)
