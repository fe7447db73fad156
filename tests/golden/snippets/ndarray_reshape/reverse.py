from mxnet import nd
x = nd.zeros((10, 5, 4))
print(x.reshape((-1, 0)).shape)
print(x.reshape((-1, 0), reverse=True).shape)
print(x.reshape(shape=(0, -1), reverse=True).shape)
