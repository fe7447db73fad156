from mxnet import nd
x = nd.arange(12).reshape((3, 4))
print(x[1])
print(x[-1])
print(x[1].shape)
