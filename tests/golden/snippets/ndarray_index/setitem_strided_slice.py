from mxnet import nd
x = nd.zeros((3, 4))
x[::2, 1::2] = 1
print(x)
x[:, ::-1][0] = 7
print(x)
