from mxnet import nd
x = nd.array([[1], [2]])
print(x.broadcast_to((2, 3)))
print(x.broadcast_like(nd.zeros((2, 4))).shape)
print(nd.array([1, 2]).broadcast_to((3, 2)))
