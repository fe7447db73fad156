from mxnet import nd
x = nd.array([[1, 2, 3], [1, 1, 1]])
print(nd.softmax(x, nd.array([2, 1], dtype='int32'), axis=1, use_length=True))
