from mxnet import nd
x = nd.arange(32).reshape((1, 2, 4, 4))
w = nd.stack(nd.ones((1, 2, 2)), nd.ones((1, 2, 2)) * 2, nd.ones((1, 2, 2)) * -1, nd.zeros((1, 2, 2)))
print(w.shape)
y = nd.Convolution(x, w, nd.array([0, 0, 0, 1]), kernel=(2, 2), num_filter=4, num_group=2, stride=(2, 2))
print(y)
