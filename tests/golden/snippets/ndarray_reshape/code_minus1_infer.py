from mxnet import nd
x = nd.arange(24).reshape((2, 3, 4))
print(x.reshape((6, 1, -1)).shape)
print(x.reshape((3, -1, 8)).shape)
print(x.reshape((-1,)).shape)
print(x.reshape((-1, 12)))
