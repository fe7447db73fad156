from mxnet import nd
x = nd.arange(8).reshape((2, 2, 2))
out = nd.BatchNorm(x, nd.array([2, 2]), nd.array([1, 1]), nd.array([0, 4]), nd.array([1, 1]))
print(out)
