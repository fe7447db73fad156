from mxnet import nd
print(nd.zeros(3))
print(nd.ones(2))
print(nd.zeros((2, 3)))
print(nd.ones((1, 2, 1)))
