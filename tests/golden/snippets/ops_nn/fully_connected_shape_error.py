from mxnet import nd
nd.FullyConnected(nd.ones((2, 3)), nd.ones((4, 5)), nd.zeros(4), num_hidden=4)
