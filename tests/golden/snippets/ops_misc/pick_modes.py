from mxnet import nd
x = nd.arange(6).reshape((2, 3))
print(nd.pick(x, nd.array([4, -2]), mode='clip'))
print(nd.pick(x, nd.array([4, -2]), mode='wrap'))
print(nd.pick(x, nd.array([[1], [0]]), axis=-1))
