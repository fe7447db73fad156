from mxnet import nd
x = nd.arange(8).reshape((1, 2, 2, 2))
w = nd.ones((2, 1, 2, 2))
print(nd.Deconvolution(x, w, kernel=(2, 2), num_filter=2, num_group=2, no_bias=True))
print(nd.Deconvolution(x, nd.ones((2, 1, 2, 2)), kernel=(2, 2), num_filter=1, no_bias=True, dilate=(2, 2)))
