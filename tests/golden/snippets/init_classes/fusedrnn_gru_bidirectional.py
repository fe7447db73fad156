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

a = mx.nd.zeros((156,))
mx.init.FusedRNN(Seq(), 2, 2, 'gru', True)(mx.init.InitDesc('rnn_weight'), a)
print(a)
