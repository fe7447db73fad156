from mxnet import nd
nd.array([nd.ones(2), nd.ones(2)])
