import mxnet as mx
mx.init.One()(mx.init.InitDesc('w', attrs={'__init__': 'no_such_init'}), mx.nd.zeros((2,)))
