from mxnet import nd
x = nd.array([[1, 9, 3], [9, 2, 9]])
print(nd.argmax(x, axis=0))
print(nd.argmax(x, axis=1, keepdims=True))
print(nd.argmax(x))
print(nd.argmax(nd.array([[3, 3, 1]]), axis=1))
