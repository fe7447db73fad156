from mxnet import nd
x = nd.array([0.1, 0.2], dtype='float64')
print(x)
print(nd.array([1 / 3.0], dtype='float64'))
print(nd.array([1 / 3.0]))
