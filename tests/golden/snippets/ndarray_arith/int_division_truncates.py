from mxnet import nd
x = nd.array([7, -7], dtype='int32')
print(x / nd.array([2, 2], dtype='int32'))
print(x / 2)
print(nd.array([7, -7], dtype='int64') / nd.array([-2, -2], dtype='int64'))
