from mxnet import nd
a = nd.array([1, 2])
b = nd.array([3, 4])
print(nd.stack(a, b))
print(nd.stack(a, b, axis=1))
print(nd.stack(a, b, a, axis=-1).shape)
