from mxnet import nd
nd.where(nd.array([1, 0, 1]), nd.ones((2, 2)), nd.zeros((2, 2)))
