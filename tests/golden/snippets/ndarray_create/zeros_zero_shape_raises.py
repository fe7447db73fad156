from mxnet import nd
nd.zeros((0, 3))
