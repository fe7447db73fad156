from mxnet import nd
print(nd.one_hot(nd.array([[1, 2], [0, 5]]), depth=3))
cond = nd.array([[1, 0], [0, 1]])
print(nd.where(cond, nd.ones((2, 2)), nd.zeros((2, 2)) - 1))
print(nd.where(nd.array([1, 0]), nd.array([[1, 2], [3, 4]]), nd.array([[5, 6], [7, 8]])))
