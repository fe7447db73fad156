from mxnet import nd
x = nd.ones((2, 2, 2))
print(x)
print(repr(repr(x)))
