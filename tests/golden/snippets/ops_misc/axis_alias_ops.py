from mxnet import nd
x = nd.array([[1, 2, 3], [4, 5, 6]])
print(nd.argmax_channel(x))
print(nd.sum_axis(x, axis=1))
print(nd.max_axis(x, axis=0))
print(nd.min_axis(x, axis=0))
