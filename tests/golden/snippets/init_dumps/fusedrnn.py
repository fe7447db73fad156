import mxnet as mx
f = mx.init.FusedRNN(mx.init.Xavier(), 4, 1, 'lstm')
print(repr(f.dumps()))
print(f.dumps())
print(mx.init.FusedRNN(None, 4, 2, 'gru', True, 0.).dumps())
print(mx.init.FusedRNN(mx.init.One(), 3, 1, 'rnn_relu').dumps())
print(mx.init.FusedRNN(mx.init.Constant(2), 2, 1, 'rnn_tanh', bidirectional=True).dumps())
print(mx.init.FusedRNN(init=None, num_hidden=8, num_layers=3, mode='lstm', forget_bias=0.5).dumps())
