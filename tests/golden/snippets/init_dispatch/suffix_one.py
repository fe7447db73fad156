import mxnet as mx
init = mx.init.One()
for name in ['fc_weight', 'fc_bias', 'bn_gamma', 'bn_beta', 'q_min', 'q_max']:
    a = mx.nd.ones((2,)) * 5
    init(mx.init.InitDesc(name), a)
    print(name, a.asnumpy())
