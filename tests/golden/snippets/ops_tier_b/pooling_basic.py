from mxnet import nd
x = nd.arange(16).reshape((1, 1, 4, 4))
print(nd.Pooling(x, kernel=(2, 2), stride=(2, 2), pool_type='max'))
print(nd.Pooling(x, kernel=(2, 2), stride=(2, 2), pool_type='avg'))
print(nd.Pooling(x, kernel=(3, 3), pool_type='max').shape)
