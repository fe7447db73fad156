from mxnet import nd
a = nd.arange(6).reshape((2, 3))
print(a + nd.array([10, 20, 30]))
print(nd.array([[1], [2]]) + nd.array([[10, 20, 30]]))
print((nd.ones((2, 3, 4)) * nd.arange(4)).shape)
print(nd.arange(3).reshape((3, 1)) * nd.arange(4).reshape((1, 4)))
