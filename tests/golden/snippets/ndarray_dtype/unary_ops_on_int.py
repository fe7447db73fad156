from mxnet import nd
x = nd.array([1, 4, 9], dtype='int32')
print(nd.sqrt(x))
print(nd.square(x))
print(nd.abs(nd.array([-3, 2], dtype='int32')))
