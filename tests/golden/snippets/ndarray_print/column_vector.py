from mxnet import nd
print(nd.arange(3).reshape((3, 1)))
print(nd.arange(3).reshape((1, 3)))
