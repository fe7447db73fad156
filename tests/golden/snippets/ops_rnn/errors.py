# Input-count, shape and dtype errors of the fused RNN operator.
from mxnet import nd


def check(f):
    try:
        r = f()
        print(r.shape if hasattr(r, 'shape') else [a.shape for a in r])
    except Exception as e:
        m = str(e).split('MXNetError: ')[-1]
        m = m.split('\n', 2)[-1] if m.startswith('Traceback') else m
        print('!! CAUGHT %s: %s' % (type(e).__name__, m.strip().replace('\n', ' | ')))


x = nd.ones((3, 2, 4))
s = nd.zeros((1, 2, 5))
check(lambda: nd.RNN(x, nd.ones((220,)), s, state_size=5, num_layers=1, mode='lstm'))
check(lambda: nd.RNN(x, nd.ones((165,)), s, s, state_size=5, num_layers=1, mode='gru'))
check(lambda: nd.RNN(x, nd.ones((54,)), s, state_size=5, num_layers=1, mode='rnn_tanh'))
check(lambda: nd.RNN(x, nd.ones((55,)), nd.zeros((2, 2, 5)), state_size=5, num_layers=1,
                     mode='rnn_tanh'))
check(lambda: nd.RNN(x, nd.ones((55,)), nd.zeros((1, 3, 5)), state_size=5, num_layers=1,
                     mode='rnn_tanh'))
check(lambda: nd.RNN(x, nd.ones((220,)), s, nd.zeros((1, 2, 4)), state_size=5, num_layers=1,
                     mode='lstm'))
check(lambda: nd.RNN(nd.ones((3, 4)), nd.ones((55,)), s, state_size=5, num_layers=1,
                     mode='rnn_tanh'))
check(lambda: nd.RNN(x.astype('int32'), nd.ones((55,), dtype='int32'),
                     s.astype('int32'), state_size=5, num_layers=1, mode='rnn_tanh'))
check(lambda: nd.RNN(x.astype('float64'), nd.ones((55,)), s, state_size=5, num_layers=1,
                     mode='rnn_tanh'))
check(lambda: nd.RNN(x, nd.ones((165,)), s, state_size=5, num_layers=1, mode='gru',
                     use_sequence_length=True))
check(lambda: nd.RNN(x, nd.ones((55,)), s, state_size=5, num_layers=1, mode='lstmx'))
