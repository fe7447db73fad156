from mxnet import nd
x = nd.arange(2000)
print(x)
print(repr(repr(x)))
