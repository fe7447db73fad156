from mxnet import nd
x = nd.arange(6).reshape((1, 2, 3))
w = nd.arange(12).reshape((2, 2, 3)) / 10
print(nd.Deconvolution(x, w, kernel=(3,), num_filter=2, no_bias=True))
print(nd.Deconvolution(x, w, nd.array([1, 2]), kernel=(3,), num_filter=2, stride=(2,), no_bias=False))
