from mxnet import nd
x = nd.array([0.1, 0.2, 0.3])
print(x)
print(x.asnumpy().tolist())
