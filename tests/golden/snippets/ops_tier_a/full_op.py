from mxnet import nd
print(nd.full((2, 2), 3.5))
print(nd.full((3,), -1, dtype='int32'))
