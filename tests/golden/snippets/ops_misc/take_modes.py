from mxnet import nd
x = nd.arange(12).reshape((3, 4))
print(nd.take(x, nd.array([0, 2])))
print(nd.take(x, nd.array([4, -1])))
print(nd.take(x, nd.array([4, -1]), mode='wrap'))
print(nd.take(x, nd.array([1, 5]), axis=1, mode='clip'))
print(nd.take(x, nd.array([[0, 1], [2, 2]])).shape)
