from mxnet import nd
x = nd.ones((1, 1))
print(x)
print(repr(repr(x)))
