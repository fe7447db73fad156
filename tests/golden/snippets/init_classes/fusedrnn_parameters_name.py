def check(f):
    try:
        r = f()
        print(r)
    except Exception as e:
        m = str(e).split('MXNetError: ')[-1]
        m = m.split('\n', 2)[-1] if m.startswith('Traceback') else m
        print('!! CAUGHT %s: %s' % (type(e).__name__, m.strip().replace('\n', ' | ')))


import mxnet as mx
f = mx.init.FusedRNN(mx.init.One(), 2, 1, 'lstm')
check(lambda: f(mx.init.InitDesc('lstm_parameters'), mx.nd.zeros((56,))))
a = mx.nd.ones((56,))
f(mx.init.InitDesc('lstm_bias'), a)
print(a.asnumpy().sum())
