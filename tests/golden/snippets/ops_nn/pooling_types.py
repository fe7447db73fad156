from mxnet import nd
x = nd.arange(16).reshape((1, 1, 4, 4))
for t in ['max', 'avg', 'sum']:
    print(t, nd.Pooling(x, kernel=(2, 2), stride=(1, 1), pool_type=t))
