import mxnet as mx
L = mx.init.Load({'a': mx.nd.ones((2, 2))})
L('b', mx.nd.zeros((3, 3)))
