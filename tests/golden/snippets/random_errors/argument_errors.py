def check(f):
    try:
        print(f())
    except Exception as e:
        m = str(e).split('MXNetError: ')[-1]
        m = m.split('\n', 2)[-1] if m.startswith('Traceback') else m
        print('!! CAUGHT %s: %s' % (type(e).__name__, m.strip().replace('\n', ' | ')))

import numpy as np
import mxnet as mx
check(lambda: mx.random.multinomial([0.3, 0.7]))
check(lambda: mx.random.shuffle(np.array([1, 2])))
check(lambda: mx.nd.random.uniform_like(mx.nd.zeros((2,), dtype='int32')).asnumpy())
check(lambda: mx.nd.random.uniform_like())
check(lambda: mx.random.uniform(shape=2, ctx='cpu'))
check(lambda: mx.nd.random_randint(0, shape=3))
