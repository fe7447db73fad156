from mxnet import nd
nd.batch_take(nd.arange(6).reshape((3, 2)), nd.array([1, 0, 1]))
