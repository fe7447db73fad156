import mxnet as mx
mx.nd.save('saved.params', {'arg:fc_weight': mx.nd.array([[1, 2], [3, 4]]),
                            'aux:bn_moving_var': mx.nd.array([0.5, 1.5, 2.5])})
L = mx.init.Load('saved.params')
print(sorted(L.param))
w = mx.nd.zeros((2, 2))
L(mx.init.InitDesc('fc_weight'), w)
v = mx.nd.zeros((3,))
L('bn_moving_var', v)
print(w)
print(v)
