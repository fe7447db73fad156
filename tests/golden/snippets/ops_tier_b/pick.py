from mxnet import nd
x = nd.arange(12).reshape((3, 4))
print(nd.pick(x, nd.array([0, 3, 1])))
print(nd.pick(x, nd.array([2, 0, 1, 1]), axis=0))
print(nd.pick(x, nd.array([1, 2, 3]), axis=1, keepdims=True))
print(nd.pick(x, nd.array([5, -1, 4]), mode='wrap'))
print(nd.pick(x, nd.array([5, -1, 4])))
