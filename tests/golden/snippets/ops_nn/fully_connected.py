from mxnet import nd
x = nd.arange(6).reshape((2, 3))
w = nd.arange(12).reshape((4, 3)) / 10
b = nd.array([1, 2, 3, 4])
print(nd.FullyConnected(x, w, b, num_hidden=4))
print(nd.FullyConnected(x, w, num_hidden=4, no_bias=True))
