from mxnet import nd
x = nd.arange(24).reshape((2, 3, 4))
print(nd.transpose(x).shape)
print(nd.transpose(x, axes=(1, 0, 2)).shape)
print(nd.transpose(nd.arange(6).reshape((2, 3))))
print(nd.transpose(x, axes=(0, 2, 1))[1])
