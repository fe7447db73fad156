from mxnet import nd
x = nd.arange(12).reshape((2, 3, 2))
gamma = nd.array([1, 2, 3])
beta = nd.array([0, 1, -1])
mean = nd.array([1, 2, 3])
var = nd.array([1, 4, 0.25])
print(nd.BatchNorm(x, gamma, beta, mean, var, use_global_stats=True, fix_gamma=False))
print(nd.BatchNorm(x, gamma, beta, mean, var, use_global_stats=True, fix_gamma=True))
