from mxnet import nd
x = nd.arange(4).reshape((1, 1, 2, 2))
w = nd.arange(4).reshape((1, 1, 2, 2))
print(nd.Deconvolution(x, w, kernel=(2, 2), num_filter=1, no_bias=True))
print(nd.Deconvolution(x, w, kernel=(2, 2), num_filter=1, no_bias=True, stride=(2, 2)))
print(nd.Deconvolution(x, w, kernel=(2, 2), num_filter=1, no_bias=True, stride=(2, 2), pad=(1, 1)))
