from mxnet import nd
print(nd.ravel_multi_index(nd.array([[1, 2], [0, 3]]), shape=(3, 4)))
print(nd.unravel_index(nd.array([4, 11]), shape=(3, 4)))
