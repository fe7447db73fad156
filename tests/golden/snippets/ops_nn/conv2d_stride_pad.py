from mxnet import nd
x = nd.arange(25).reshape((1, 1, 5, 5))
w = nd.array([[[[1, 0], [0, -1]]]])
print(nd.Convolution(x, w, kernel=(2, 2), num_filter=1, no_bias=True))
print(nd.Convolution(x, w, kernel=(2, 2), num_filter=1, no_bias=True, stride=(2, 2), pad=(1, 1)))
