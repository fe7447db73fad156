import mxnet as mx
a = mx.nd.ones((2,)) * 5
mx.init.One()(mx.init.InitDesc('fc_bias', attrs={'__init__': ''}), a)
print(a)
a = mx.nd.ones((2,)) * 5
mx.init.One()(mx.init.InitDesc('fc_weight', attrs={'lr_mult': '2', 'num_hidden': '1'}), a)
print(a)
a = mx.nd.ones((2,)) * 5
mx.init.One()(mx.init.InitDesc('fc_weight', attrs=None), a)
print(a)
