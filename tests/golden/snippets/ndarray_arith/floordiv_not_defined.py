from mxnet import nd
nd.array([7, 8]) // 2
