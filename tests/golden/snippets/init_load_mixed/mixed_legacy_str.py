import mxnet as mx
M = mx.init.Mixed(['.*'], [mx.init.One()])
a = mx.nd.zeros((2,))
M('fc_weight', a)
print(a)
b = mx.nd.zeros((2,))
M('bn_moving_var', b)
print(b)
