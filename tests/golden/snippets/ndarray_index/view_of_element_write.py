from mxnet import nd
x = nd.arange(12).reshape((3, 4))
e = x[1, 2]
e[:] = 99
print(x)
