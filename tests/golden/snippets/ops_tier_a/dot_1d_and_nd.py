from mxnet import nd
v = nd.array([1, 2, 3])
print(nd.dot(v, v))
print(nd.dot(nd.arange(6).reshape((2, 3)), v))
print(nd.dot(nd.arange(24).reshape((2, 3, 4)), nd.arange(8).reshape((4, 2))).shape)
