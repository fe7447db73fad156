from mxnet import nd
x = nd.arange(24).reshape((2, 3, 4))
print(nd.sum(x, axis=(1, 2)))
print(nd.sum(x, axis=-1, keepdims=True).shape)
print(nd.sum(x, axis=0, exclude=True))
print(nd.sum(nd.array([1, 2, 3], dtype='int32')))
