from mxnet import nd
x = nd.arange(2 * 3 * 3 * 3).reshape((2, 3, 3, 3)) / 10
w = nd.arange(2 * 3 * 2 * 2).reshape((2, 3, 2, 2)) / 10
b = nd.array([1, -1])
print(nd.Convolution(x, w, b, kernel=(2, 2), num_filter=2))
