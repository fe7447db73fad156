from mxnet import nd
x = nd.array([[1], [2]])
print(nd.broadcast_axis(x, axis=1, size=3))
print(nd.broadcast_axis(nd.ones((1, 2, 1)), axis=(0, 2), size=(2, 3)).shape)
print(nd.broadcast_axes(x, axis=1, size=2))
