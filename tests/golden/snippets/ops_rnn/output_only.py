# Without state_outputs the operator returns just the output array.
from mxnet import nd

x = nd.arange(12).reshape((3, 2, 2)) * 0.1
out = nd.RNN(x, nd.sin(nd.arange(2 * 2 * 2 + 2 * 2 * 2 * 2)), nd.zeros((2, 2, 2)),
             state_size=2, num_layers=1, bidirectional=True, mode='rnn_relu')
print(type(out).__name__, out.shape)
print(out)
out64 = nd.RNN(x.astype('float64'), nd.sin(nd.arange(16)).astype('float64'),
               nd.zeros((1, 2, 3), dtype='float64'), state_size=3, num_layers=1,
               mode='rnn_tanh')
print(out64.dtype, out64)
