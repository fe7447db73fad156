def check(f):
    try:
        r = f()
        print(r)
    except Exception as e:
        m = str(e).split('MXNetError: ')[-1]
        m = m.split('\n', 2)[-1] if m.startswith('Traceback') else m
        print('!! CAUGHT %s: %s' % (type(e).__name__, m.strip().replace('\n', ' | ')))


import mxnet as mx
check(lambda: mx.init.FusedRNN(mx.init.One(), 2, 1, 'lstm')(mx.init.InitDesc('x_weight'), mx.nd.zeros((57,))))
check(lambda: mx.init.FusedRNN(mx.init.One(), 2, 1, 'lstm')(mx.init.InitDesc('x_weight'), mx.nd.zeros((64,))))
check(lambda: mx.init.FusedRNN(mx.init.One(), 2, 1, 'foo')(mx.init.InitDesc('x_weight'), mx.nd.zeros((64,))))
