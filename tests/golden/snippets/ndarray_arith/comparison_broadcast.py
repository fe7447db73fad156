from mxnet import nd
a = nd.arange(6).reshape((2, 3))
print(a > nd.array([1, 2, 3]))
print(a == nd.array([[0], [4]]))
