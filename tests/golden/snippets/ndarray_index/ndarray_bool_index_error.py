from mxnet import nd
x = nd.arange(6)
x[nd.array([1, 0, 1, 0, 1, 0], dtype='bool')]
