import mxnet as mx
M = mx.init.Mixed(['fc', '.*'], [mx.init.One(), mx.init.Constant(3)])
for name in ['fc_weight', 'fc_bias', 'fc_gamma', 'conv_weight', 'conv_bias', 'bn_beta']:
    a = mx.nd.ones((2,)) * 8
    M(mx.init.InitDesc(name), a)
    print(name, a.asnumpy())
