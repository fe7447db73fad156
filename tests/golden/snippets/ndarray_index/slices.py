from mxnet import nd
x = nd.arange(12).reshape((3, 4))
print(x[0:2])
print(x[1:])
print(x[:, 1:3])
print(x[1, 1:3])
print(x[1:10].shape)
