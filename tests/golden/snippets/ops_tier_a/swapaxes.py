from mxnet import nd
x = nd.arange(24).reshape((2, 3, 4))
print(nd.swapaxes(x, 0, 2).shape)
print(nd.swapaxes(x, dim1=1, dim2=2).shape)
print(nd.swapaxes(nd.arange(6).reshape((2, 3)), 0, 1))
