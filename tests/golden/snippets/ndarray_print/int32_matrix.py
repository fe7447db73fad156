from mxnet import nd
x = nd.array([[1, 2], [3, 4]], dtype='int32')
print(x)
print(repr(repr(x)))
