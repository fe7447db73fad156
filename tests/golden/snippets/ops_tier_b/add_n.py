from mxnet import nd
a = nd.array([1, 2])
print(nd.add_n(a, a, nd.array([10, 20])))
print(nd.add_n(a))
print(nd.ElementWiseSum(a, a))
