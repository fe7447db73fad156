from mxnet import nd
x1 = nd.arange(6).reshape((1, 1, 6))
print(nd.Pooling(x1, kernel=(2,), stride=(2,), pool_type='max'))
x3 = nd.arange(27).reshape((1, 1, 3, 3, 3))
print(nd.Pooling(x3, kernel=(2, 2, 2), pool_type='avg'))
