from mxnet import nd
x = nd.arange(12).reshape((3, 4))
print(x[1, 2])
print(x[1][2])
v = nd.arange(5)
print(v[3], v[3].shape)
print(v[-1])
