from mxnet import nd
nd.broadcast_to(nd.ones((2, 3)), shape=(4, 3))
