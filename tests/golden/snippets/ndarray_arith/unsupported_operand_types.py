def check(f):
    try:
        print(f())
    except Exception as e:
        m = str(e).split('MXNetError: ')[-1]
        m = m.split('\n', 2)[-1] if m.startswith('Traceback') else m
        print('!! CAUGHT %s: %s' % (type(e).__name__, m.strip().replace('\n', ' | ')))

import numpy as np
from mxnet import nd
x = nd.array([1, 2])
check(lambda: x + [1, 2])
check(lambda: x + np.array([1, 2]))
check(lambda: np.array([1, 2]) + x)
check(lambda: x == None)
check(lambda: x * 'a')
