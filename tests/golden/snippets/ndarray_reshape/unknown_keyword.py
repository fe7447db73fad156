from mxnet import nd
nd.zeros((2, 3)).reshape((3, 2), foo=1)
