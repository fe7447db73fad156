from mxnet import nd
x = nd.arange(6)
y = nd.reshape(x, shape=(2, 3))
print(y)
y[0] = 100
print(x)
print(nd.reshape(x, shape=(-1, 2), reverse=True).shape)
print(nd.reshape(nd.zeros((2, 3, 4)), shape=(-3, 0)).shape)
