from mxnet import nd
x = nd.arange(6)
y = x.reshape((2, 3))
y[0] = 100
print(x)
x[5] = -1
print(y)
z = y.reshape((3, 2))
z[:] = 0
print(x)
