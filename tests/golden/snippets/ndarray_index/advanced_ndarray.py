from mxnet import nd
x = nd.arange(12).reshape((3, 4))
print(x[nd.array([2, 1])])
print(x[nd.array([0, 2], dtype='int32')])
