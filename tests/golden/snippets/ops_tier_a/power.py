from mxnet import nd
print(nd.power(nd.array([2, 3]), nd.array([3, 2])))
print(nd.power(nd.array([[1], [2]]), nd.array([1, 2, 3])))
print(nd.power(2, nd.array([1, 2])))
print(nd.power(nd.array([1, 2]), 3))
