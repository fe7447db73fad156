from mxnet import nd
x = nd.empty((0, 3))
print(x)
print(repr(repr(x)))
print(x.shape, x.size)
