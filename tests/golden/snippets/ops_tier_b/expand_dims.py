from mxnet import nd
x = nd.arange(6).reshape((2, 3))
print(nd.expand_dims(x, axis=0).shape)
print(nd.expand_dims(x, axis=-1).shape)
print(nd.expand_dims(x, 1))
