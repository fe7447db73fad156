from mxnet import nd
x = nd.arange(12)
print(nd.reshape(x, (3, 4)))
print(nd.reshape(x, shape=(2, -1, 2)).shape)
print(nd.reshape(x, shape=(-4, 2, -1)).shape)
print(nd.reshape(nd.zeros((2, 6)), shape=(0, -4, 2, -1)).shape)
