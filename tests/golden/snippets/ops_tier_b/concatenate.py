from mxnet import nd
a = nd.arange(4).reshape((2, 2))
print(nd.concatenate([a, a]))
print(nd.concatenate([a, nd.ones((2, 1))], axis=1))
