from mxnet import nd
x = nd.arange(16).reshape((1, 1, 4, 4))
w = nd.ones((2, 1, 3, 3))
b = nd.array([0, 100])
print(nd.Convolution(x, w, b, kernel=(3, 3), num_filter=2))
