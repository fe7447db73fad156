from mxnet import nd
x = nd.array([[1, 2], [3, 4]])
print(nd.tile(x, reps=(2, 1)))
print(nd.tile(x, reps=(2,)).shape)
print(nd.tile(x, reps=(2, 1, 3)).shape)
print(nd.tile(nd.array([1, 2]), 3))
