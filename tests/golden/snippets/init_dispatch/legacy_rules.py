import mxnet as mx
init = mx.init.Constant(3)
for name in ['fc_weight', 'fc_bias', 'bn_gamma', 'bn_beta', 'q_min', 'q_max']:
    a = mx.nd.ones((2,)) * 9
    init(name, a)
    print(name, a.asnumpy())
