from mxnet import nd
x = nd.zeros((2, 2))
i = id(x)
x[:] = 3
x[0, 1] = 4
print(x, id(x) == i)
