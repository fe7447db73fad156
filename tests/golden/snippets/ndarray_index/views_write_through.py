from mxnet import nd
x = nd.arange(12).reshape((3, 4))
x[1][:] = 100
print(x)
v = x[0:1]
v[:] = -1
print(x)
w = x[2, 1:3]
w[:] = 7
print(x)
x[:][0] = 5
print(x)
