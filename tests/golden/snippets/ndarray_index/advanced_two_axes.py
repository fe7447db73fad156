from mxnet import nd
x = nd.arange(12).reshape((3, 4))
print(x[[0, 2], [1, 3]])
print(x[1, [0, 3]])
print(x[:, [0, 3]])
