from mxnet import nd
x = nd.arange(1200).reshape((40, 30))
print(x)
