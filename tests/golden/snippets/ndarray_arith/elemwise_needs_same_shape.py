from mxnet import nd
nd.elemwise_add(nd.ones((2, 1)), nd.ones((1, 3)))
