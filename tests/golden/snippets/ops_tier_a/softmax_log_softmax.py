from mxnet import nd
x = nd.array([[1, 2, 3], [1, 1, 1]])
print(nd.softmax(x))
print(nd.log_softmax(x))
print(nd.softmax(x, axis=0))
