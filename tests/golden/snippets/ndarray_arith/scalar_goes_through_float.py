from mxnet import nd
x = nd.array([16777216], dtype='int64')
print(x + 1)
print(nd.array([2 ** 53], dtype='int64') + 1)
