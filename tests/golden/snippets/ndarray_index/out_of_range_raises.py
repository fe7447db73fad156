from mxnet import nd
x = nd.arange(12).reshape((3, 4))
x[3]
