from mxnet import nd
x = nd.ones((2, 3))
x += nd.array([1, 2, 3])
print(x)
x *= nd.array([[2], [3]])
print(x)
