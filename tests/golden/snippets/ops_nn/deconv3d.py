from mxnet import nd
x = nd.arange(8).reshape((1, 1, 2, 2, 2))
w = nd.ones((1, 1, 2, 2, 2))
y = nd.Deconvolution(x, w, nd.array([10]), kernel=(2, 2, 2), num_filter=1, no_bias=False)
print(y.shape)
print(y[0, 0, 1])
