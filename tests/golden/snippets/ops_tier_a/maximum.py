from mxnet import nd
a = nd.array([[1, 5], [3, 2]])
print(nd.maximum(a, nd.array([[2, 2], [2, 2]])))
print(nd.maximum(a, nd.array([4, 0])))
print(nd.maximum(a, 2.5))
