from mxnet import nd
nd.dot(nd.ones((2, 3)), nd.ones((2, 3)))
