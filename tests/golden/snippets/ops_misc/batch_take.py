from mxnet import nd
x = nd.arange(6).reshape((3, 2))
print(nd.batch_take(x, nd.array([1, 0, 1], dtype='int32')))
