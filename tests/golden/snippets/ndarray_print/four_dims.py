from mxnet import nd
x = nd.arange(16).reshape((2, 2, 2, 2))
print(x)
