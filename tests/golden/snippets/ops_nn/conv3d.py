from mxnet import nd
x = nd.arange(27).reshape((1, 1, 3, 3, 3))
w = nd.ones((2, 1, 2, 2, 2))
w[1] = -1
print(nd.Convolution(x, w, nd.array([0, 1]), kernel=(2, 2, 2), num_filter=2))
print(nd.Convolution(x, w, kernel=(2, 2, 2), num_filter=2, no_bias=True, pad=(1, 1, 1), stride=(2, 2, 2)).shape)
