from mxnet import nd
a = nd.array([1, 5, 3])
print(nd.maximum(a, 2))
print(nd.minimum(a, nd.array([2, 2, 4])))
print(nd.maximum(3, a))
