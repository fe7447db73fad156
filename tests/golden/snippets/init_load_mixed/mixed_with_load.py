import mxnet as mx
L = mx.init.Load({'fc_weight': mx.nd.array([[1, 2]])}, default_init=mx.init.Constant(7))
M = mx.init.Mixed(['fc', '.*'], [L, mx.init.Zero()])
for name, shape in [('fc_weight', (1, 2)), ('fc2_weight', (2,)), ('conv_weight', (2,))]:
    a = mx.nd.ones(shape) * 5
    M(mx.init.InitDesc(name), a)
    print(name, a.asnumpy().tolist())
print(len(M.map), type(M.map[0][0]).__name__)
