from mxnet import nd
for row in nd.arange(6).reshape((3, 2)):
    print(row.shape, row.asnumpy().tolist())
