from mxnet import nd
x = nd.arange(16).reshape((1, 1, 4, 4))
print(nd.Pooling(x, kernel=(3, 3), stride=(2, 2), pad=(1, 1), pool_type='avg'))
print(nd.Pooling(x, kernel=(3, 3), stride=(2, 2), pad=(1, 1), pool_type='avg', count_include_pad=False))
print(nd.Pooling(x, kernel=(3, 3), stride=(2, 2), pad=(1, 1), pool_type='max'))
