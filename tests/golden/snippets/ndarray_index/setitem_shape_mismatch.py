from mxnet import nd
x = nd.zeros((3, 4))
x[:] = nd.array([1, 2])
