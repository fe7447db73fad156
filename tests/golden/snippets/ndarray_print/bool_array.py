from mxnet import nd
x = nd.array([True, False], dtype='bool')
print(x)
print(repr(repr(x)))
