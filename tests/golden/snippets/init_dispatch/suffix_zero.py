import mxnet as mx
init = mx.init.Zero()
for name in ['conv_weight', 'conv_bias', 'bn_gamma', 'bn_beta', 'r_min', 'r_max']:
    a = mx.nd.ones((2, 2)) * 3
    init(mx.init.InitDesc(name), a)
    print(name, a.asnumpy().tolist())
