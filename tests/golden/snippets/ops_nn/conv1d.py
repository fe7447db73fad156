from mxnet import nd
x = nd.arange(10).reshape((1, 2, 5))
w = nd.arange(12).reshape((2, 2, 3)) / 10
b = nd.array([0.5, -0.5])
print(nd.Convolution(x, w, b, kernel=(3,), num_filter=2))
print(nd.Convolution(x, w, b, kernel=(3,), num_filter=2, stride=(2,), pad=(1,)))
