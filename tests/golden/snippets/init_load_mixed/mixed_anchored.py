import mxnet as mx
M = mx.init.Mixed(['bias', 'fc', '.*'], [mx.init.Constant(1), mx.init.Constant(2), mx.init.Constant(3)])
for name in ['bias_weight', 'fc_weight', 'conv_weight', 'xbias_weight', 'fc1_bias', 'biasfc_weight']:
    a = mx.nd.zeros((2,))
    M(mx.init.InitDesc(name), a)
    print(name, a.asnumpy())
