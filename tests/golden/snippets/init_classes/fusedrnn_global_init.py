import mxnet as mx

class Seq(mx.init.Initializer):
    """Numbers the pieces it initialises: weights 1, 2, ..., biases -k."""
    def __init__(self):
        super(Seq, self).__init__()
        self.k = 0
    def _init_weight(self, name, arr):
        self.k += 1
        print('  weight', name, arr.shape)
        arr[:] = self.k
    def _init_bias(self, name, arr):
        self.k += 1
        print('  bias', name, arr.shape)
        arr[:] = -self.k

f = mx.init.FusedRNN(None, 2, 1, 'lstm', forget_bias=0.5)
a = mx.nd.zeros((56,))
Seq()(mx.init.InitDesc('lstm_parameters', attrs={'__init__': f.dumps()}), a)
print(a)
b = mx.nd.zeros((20,))
mx.init.One()(mx.init.InitDesc('rnn_parameters', attrs={'__init__': mx.init.FusedRNN(None, 2, 1, 'rnn_tanh', True).dumps()}), b)
print(b)
