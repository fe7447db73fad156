from mxnet import nd
x = nd.arange(36).reshape((1, 1, 6, 6))
w = nd.ones((1, 1, 2, 2))
print(nd.Convolution(x, w, kernel=(2, 2), num_filter=1, no_bias=True, dilate=(2, 2)))
print(nd.Convolution(x, w, kernel=(2, 2), num_filter=1, no_bias=True, dilate=(1, 3)).shape)
