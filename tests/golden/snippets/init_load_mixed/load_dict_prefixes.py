import mxnet as mx
p = {'arg:fc_weight': mx.nd.ones((2, 2)), 'aux:bn_moving_mean': mx.nd.ones((3,)) * 2,
     'c': mx.nd.ones((1,)) * 3, 'arg:': mx.nd.ones((1,)), 'argx': mx.nd.ones((1,))}
L = mx.init.Load(p)
print(sorted(L.param), L.default_init, L.verbose)
for name, shape in [('fc_weight', (2, 2)), ('bn_moving_mean', (3,)), ('c', (1,))]:
    a = mx.nd.zeros(shape)
    L(mx.init.InitDesc(name), a)
    print(name, a.asnumpy().tolist())
