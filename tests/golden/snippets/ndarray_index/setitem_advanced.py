from mxnet import nd
x = nd.zeros((3, 4))
x[[0, 2]] = 5
print(x)
x[[1]] = nd.array([1, 2, 3, 4])
print(x)
