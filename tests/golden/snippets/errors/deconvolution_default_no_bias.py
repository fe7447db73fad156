from mxnet import nd
x = nd.ones((1, 1, 2, 2))
w = nd.ones((1, 1, 2, 2))
print(nd.Deconvolution(x, w, kernel=(2, 2), num_filter=1).shape)
nd.Deconvolution(x, w, nd.zeros(1), kernel=(2, 2), num_filter=1)
