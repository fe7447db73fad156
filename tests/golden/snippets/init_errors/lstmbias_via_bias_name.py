import mxnet as mx
a = mx.nd.ones((8,))
mx.init.LSTMBias(3)(mx.init.InitDesc('lstm_i2h_bias'), a)
print(a)
mx.init.LSTMBias(3)(mx.init.InitDesc('lstm_state'), a)
