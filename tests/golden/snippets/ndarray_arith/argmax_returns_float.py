from mxnet import nd
x = nd.array([[1, 5, 3], [7, 2, 2]])
a = nd.argmax(x, axis=1)
print(a, a.dtype)
print(nd.argmin(x, axis=0))
print(x.argmax())
print(nd.argmax(nd.array([[1, 5], [2, 3]], dtype='int32'), axis=0).dtype)
