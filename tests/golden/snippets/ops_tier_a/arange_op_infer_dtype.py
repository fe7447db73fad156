from mxnet import nd
print(nd.arange(2, 10, 3))
print(nd.arange(-1, -5, -1))
print(nd.arange(0, 2, 0.5, dtype='float64'))
