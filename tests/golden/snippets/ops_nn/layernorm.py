from mxnet import nd
x = nd.arange(12).reshape((2, 2, 3))
print(nd.LayerNorm(x, nd.ones(3), nd.zeros(3)))
print(nd.LayerNorm(x, nd.array([1, 2]), nd.array([0, 1]), axis=1, eps=1e-3))
