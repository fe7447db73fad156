import mxnet as mx
a = mx.nd.zeros((56,))
mx.init.FusedRNN(mx.init.One(), 2, 1, 'lstm', forget_bias=3.0)(mx.init.InitDesc('x_weight'), a)
print(a)
