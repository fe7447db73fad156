from mxnet import nd
x = nd.ones((1, 1, 3, 3))
w = nd.ones((1, 2, 3, 3))
print(nd.Deconvolution(x, w, kernel=(3, 3), num_filter=2, no_bias=True, stride=(2, 2), pad=(1, 1), adj=(1, 1)).shape)
print(nd.Deconvolution(x, w, kernel=(3, 3), num_filter=2, no_bias=True, stride=(2, 2), pad=(1, 1), target_shape=(6, 6)).shape)
y = nd.Deconvolution(x, w, kernel=(3, 3), num_filter=2, no_bias=True, stride=(2, 2), pad=(1, 1))
print(y.shape)
print(y[0, 1])
