import mxnet as mx
base = mx.nd.zeros((4, 4))
mx.init.Constant(3)(mx.init.InitDesc('v_weight'), base[1])
mx.init.One()(mx.init.InitDesc('v_weight'), base[2:4])
print(base)
flat = mx.nd.zeros((2, 8))
mx.init.LSTMBias(5)(mx.init.InitDesc('v_weight'), flat[0])
print(flat)
