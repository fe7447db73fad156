def check(f):
    try:
        print(f())
    except Exception as e:
        m = str(e).split('MXNetError: ')[-1]
        m = m.split('\n', 2)[-1] if m.startswith('Traceback') else m
        print('!! CAUGHT %s: %s' % (type(e).__name__, m.strip().replace('\n', ' | ')))

import mxnet as mx
check(lambda: mx.random.randint(0.5, 10, shape=3))
check(lambda: mx.random.negative_binomial(1.5, 0.5, shape=3))
check(lambda: mx.random.uniform(True, 2, shape=2))
check(lambda: mx.random.uniform(shape=2.5))
check(lambda: mx.random.randn((2, 3)))
check(lambda: mx.random.exponential(0, shape=3))
