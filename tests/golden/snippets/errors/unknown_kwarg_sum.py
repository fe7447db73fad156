from mxnet import nd
nd.sum(nd.ones((2, 2)), foo=1)
