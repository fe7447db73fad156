from mxnet import nd
y = nd.softmax(nd.ones((2, 3)), nd.array([1, 2]), axis=1, use_length=True)
print(y)
