def check(f):
    try:
        print(f())
    except Exception as e:
        m = str(e).split('MXNetError: ')[-1]
        m = m.split('\n', 2)[-1] if m.startswith('Traceback') else m
        print('!! CAUGHT %s: %s' % (type(e).__name__, m.strip().replace('\n', ' | ')))

import numpy as np
from mxnet import nd
check(lambda: nd.relu(np.ones(2)))
check(lambda: nd.dot([1, 2], [3, 4]))
check(lambda: nd.exp(2.0))
