import mxnet as mx
init = mx.init.Constant(4)
for name in ['weight_bias', 'bias_weight', 'xgamma', 'beta_gamma', 'gamma_beta', 'weightmin',
             'minmax', 'weight', 'bias', 'x_bias_quantize', 'upsampling_weight', 'stn_loc_bias',
             'moving_weight']:
    a = mx.nd.ones((6,)) * 9
    init(mx.init.InitDesc(name), a)
    print(name, a.asnumpy())
