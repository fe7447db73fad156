import mxnet as mx
a = mx.nd.zeros((2 * ((3 + 2 + 2) * 2 * 4) + 2 * 4 * 2 * (2 + 4 + 2),))
print(a.shape)
mx.init.FusedRNN(mx.init.Constant(0.5), 2, 2, 'lstm', True, 1.5)(mx.init.InitDesc('rnn_weight'), a)
print(a)
