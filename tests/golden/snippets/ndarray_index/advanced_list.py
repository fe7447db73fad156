from mxnet import nd
x = nd.arange(12).reshape((3, 4))
print(x[[0, 2]])
print(x[[2, 0, 2]].shape)
print(x[[-1]])
