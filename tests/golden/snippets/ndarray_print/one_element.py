from mxnet import nd
x = nd.array([5])
print(x)
print(repr(repr(x)))
