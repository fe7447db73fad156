from mxnet import nd
nd.concat(nd.ones((2, 2)), nd.ones((3, 3)), dim=0)
