from mxnet import nd
nd.ones((2, 2)) + nd.ones((3,))
