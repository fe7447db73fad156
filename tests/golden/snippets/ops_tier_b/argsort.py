from mxnet import nd
x = nd.array([[3, 1, 2], [0, 5, 5]])
print(nd.argsort(x))
print(nd.argsort(x, axis=0))
print(nd.argsort(x, is_ascend=False))
print(nd.argsort(x, dtype='int32').dtype)
print(nd.argsort(x, axis=None))
