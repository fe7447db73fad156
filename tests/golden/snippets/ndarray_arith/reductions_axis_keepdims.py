from mxnet import nd
x = nd.arange(24).reshape((2, 3, 4))
print(nd.sum(x, axis=0))
print(x.sum(axis=1, keepdims=True).shape)
print(nd.mean(x, axis=(0, 2)))
print(nd.max(x, axis=-1))
print(nd.min(x, axis=2, keepdims=True))
print(nd.prod(nd.array([[1, 2], [3, 4]]), axis=1))
print(nd.sum(x, axis=1, exclude=True))
