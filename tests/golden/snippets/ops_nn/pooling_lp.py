from mxnet import nd
x = nd.arange(16).reshape((1, 1, 4, 4))
print(nd.Pooling(x, kernel=(2, 2), stride=(2, 2), pool_type='lp', p_value=2))
print(nd.Pooling(x, kernel=(2, 2), stride=(2, 2), pool_type='lp', p_value=1))
