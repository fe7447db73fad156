from mxnet import nd
x = nd.arange(6)
print(nd.reshape_like(x, nd.zeros((3, 2))))
print(x.reshape_like(nd.zeros((2, 3))).shape)
