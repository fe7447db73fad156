from mxnet import nd
print(nd.eye(3))
print(nd.eye(2, 3, 1))
print(nd.eye(3, k=-1, dtype='int32'))
