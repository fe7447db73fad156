from mxnet import nd
nd.ones(2) + nd.ones(2, dtype='float64')
