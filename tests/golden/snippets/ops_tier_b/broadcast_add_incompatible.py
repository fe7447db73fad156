from mxnet import nd
nd.broadcast_add(nd.ones((2, 3)), nd.ones((4, 3)))
