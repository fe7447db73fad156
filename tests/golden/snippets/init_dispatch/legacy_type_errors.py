def check(f):
    try:
        r = f()
        print(r)
    except Exception as e:
        m = str(e).split('MXNetError: ')[-1]
        m = m.split('\n', 2)[-1] if m.startswith('Traceback') else m
        print('!! CAUGHT %s: %s' % (type(e).__name__, m.strip().replace('\n', ' | ')))


import mxnet as mx
import numpy as np
init = mx.init.One()
check(lambda: init(3, mx.nd.zeros((2,))))
check(lambda: init(None, mx.nd.zeros((2,))))
check(lambda: init('fc_weight', np.zeros(2)))
check(lambda: init('fc_weight', [0, 0]))
