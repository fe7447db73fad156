from mxnet import nd
x = nd.arange(12).reshape((3, 4))
idx = nd.array([[0, 2], [1, 3]])
print(nd.gather_nd(x, idx))
print(nd.scatter_nd(nd.array([5, 6]), idx, shape=(3, 4)))
