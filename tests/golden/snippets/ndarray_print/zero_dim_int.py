from mxnet import nd
x = nd.array(7, dtype='int32')
print(x)
print(x.dtype, x.shape)
