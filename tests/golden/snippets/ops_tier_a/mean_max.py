from mxnet import nd
x = nd.array([[1, 8, 3], [4, 2, 6]])
print(nd.mean(x), nd.mean(x, axis=0))
print(nd.max(x), nd.max(x, axis=1, keepdims=True))
print(nd.mean(nd.array([1, 2], dtype='int32')))
