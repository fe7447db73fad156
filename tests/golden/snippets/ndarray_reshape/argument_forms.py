from mxnet import nd
x = nd.arange(24).reshape((2, 3, 4))
print(x.reshape((4, 6)).shape)
print(x.reshape([4, 6]).shape)
print(x.reshape(4, 6).shape)
print(x.reshape(shape=(4, 6)).shape)
print(x.reshape(24).shape)
print(x.reshape((-1,)).shape)
