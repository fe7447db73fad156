from mxnet import nd
x = nd.arange(24).reshape((2, 3, 4))
print(nd.moveaxis(x, 0, 2).shape)
print(nd.moveaxis(x, -1, 0).shape)
print(nd.moveaxis(x, 2, 1)[1])
