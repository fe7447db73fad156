from mxnet import nd
x = nd.arange(1000, dtype='int32').reshape((10, 100))
print(x)
