from mxnet import nd
x = nd.array(3.5)
print(x)
print(repr(repr(x)))
print(x.shape, x.size, x.ndim)
