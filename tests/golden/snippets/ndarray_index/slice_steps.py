from mxnet import nd
x = nd.arange(12).reshape((3, 4))
print(x[::2])
print(x[:, ::-1])
print(x[::-1, 1::2])
print(nd.arange(10)[8:2:-3])
