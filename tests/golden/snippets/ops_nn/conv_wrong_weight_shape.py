from mxnet import nd
nd.Convolution(nd.ones((1, 1, 4, 4)), nd.ones((2, 1, 2, 2)), nd.zeros(2), kernel=(3, 3), num_filter=2)
