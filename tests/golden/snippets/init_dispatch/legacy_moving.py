import mxnet as mx
init = mx.init.Uniform()
for name in ['bn_moving_mean', 'bn_moving_var', 'bn_moving_inv_var', 'bn_moving_avg']:
    a = mx.nd.ones((3,)) * 9
    init(name, a)
    print(name, a.asnumpy())
