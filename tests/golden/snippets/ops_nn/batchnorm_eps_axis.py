from mxnet import nd
x = nd.arange(8).reshape((2, 2, 2))
g = nd.ones(2)
b = nd.zeros(2)
m = nd.array([1, 2])
v = nd.array([1, 1])
print(nd.BatchNorm(x, g, b, m, v, use_global_stats=True, fix_gamma=False, eps=1.0))
print(nd.BatchNorm(x, g, b, m, v, use_global_stats=True, fix_gamma=False, axis=-1, eps=0))
