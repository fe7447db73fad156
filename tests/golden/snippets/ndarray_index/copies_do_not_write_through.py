from mxnet import nd
x = nd.arange(12).reshape((3, 4))
c = x[:, 1]
c[:] = 100
print(c)
print(x)
d = x[1][::2]
d[:] = 50
print(x)
e = x[[0]]
e[:] = -5
print(x)
