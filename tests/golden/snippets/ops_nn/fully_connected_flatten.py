from mxnet import nd
x = nd.arange(12).reshape((2, 2, 3))
w = nd.ones((5, 6))
print(nd.FullyConnected(x, w, nd.zeros(5), num_hidden=5).shape)
w2 = nd.ones((5, 3))
y = nd.FullyConnected(x, w2, nd.zeros(5), num_hidden=5, flatten=False)
print(y.shape)
print(y[1])
