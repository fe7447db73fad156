from mxnet import nd
print(nd.arange(5))
print(nd.arange(1, 4))
print(nd.arange(0, 1, 0.25))
print(nd.arange(5, 0, -1.5))
print(nd.arange(5, dtype='int32'))
