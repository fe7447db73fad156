from mxnet import nd
x = nd.arange(25).reshape((1, 1, 5, 5))
v = nd.Pooling(x, kernel=(2, 2), stride=(2, 2), pool_type='max', pooling_convention='valid')
f = nd.Pooling(x, kernel=(2, 2), stride=(2, 2), pool_type='max', pooling_convention='full')
print(v)
print(f)
print(nd.Pooling(x, kernel=(2, 2), stride=(2, 2), pool_type='avg', pooling_convention='full'))
