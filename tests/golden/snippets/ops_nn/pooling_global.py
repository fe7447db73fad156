from mxnet import nd
x = nd.arange(32).reshape((1, 2, 4, 4))
print(nd.Pooling(x, global_pool=True, pool_type='max'))
print(nd.Pooling(x, kernel=(1, 1), global_pool=True, pool_type='avg'))
print(nd.Pooling(x, global_pool=True, pool_type='sum').shape)
