from mxnet import nd
x = nd.array([[1, 2, 3], [2, 4, 6]])
print(nd.softmax(x, axis=0))
print(nd.softmax(x, temperature=2.0))
print(nd.log_softmax(x, axis=1, temperature=0.5))
print(nd.softmax(nd.arange(8).reshape((2, 2, 2)), axis=1))
