from mxnet import nd
x = nd.zeros((3, 4))
x[:] = 1
print(x)
x[0] = 2
print(x)
x[:, 0] = 9
print(x)
x[1, 1:3] = nd.array([7, 8])
print(x)
