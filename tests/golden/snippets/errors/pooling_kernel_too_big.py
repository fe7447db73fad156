from mxnet import nd
nd.Pooling(nd.ones((1, 1, 2, 2)), kernel=(3, 3), pool_type='max')
