from mxnet import nd
i = nd.array([1, 0, 3])
print(nd.one_hot(i, 4))
print(nd.one_hot(i, depth=3, on_value=5, off_value=-1))
print(nd.one_hot(nd.array([[0, 2]]), 3).shape)
print(nd.one_hot(i, 4, dtype='int32').dtype)
