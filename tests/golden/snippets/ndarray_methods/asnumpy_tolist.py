from mxnet import nd
x = nd.arange(6).reshape((2, 3))
print(x.asnumpy().tolist())
