from mxnet import nd
a = nd.arange(6).reshape((2, 3))
print(nd.broadcast_add(a, nd.array([[10], [20]])))
print(nd.broadcast_plus(a, nd.array([1, 2, 3])))
print(nd.broadcast_add(nd.ones((2, 1, 3)), nd.ones((1, 4, 1))).shape)
