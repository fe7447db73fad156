from mxnet import nd
print(nd.add(nd.ones((2, 3)), nd.array([1, 2, 3])))
print(nd.add(nd.ones((2, 1)), nd.ones((1, 3))).shape)
print(nd.add(1, nd.array([1])))
print(nd.add(1, 2))
