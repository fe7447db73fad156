def check(f):
    try:
        print(f())
    except Exception as e:
        m = str(e).split('MXNetError: ')[-1]
        m = m.split('\n', 2)[-1] if m.startswith('Traceback') else m
        print('!! CAUGHT %s: %s' % (type(e).__name__, m.strip().replace('\n', ' | ')))

import mxnet as mx
p = mx.nd.array([1, 2])
check(lambda: mx.random.uniform(p, 2))
check(lambda: mx.random.uniform(0, p))
check(lambda: mx.random.normal(p, 1.5))
check(lambda: mx.random.gamma(1, p))
check(lambda: mx.random.uniform('a', 2))
check(lambda: mx.random.uniform([0], [2]))
check(lambda: mx.random.normal(None))
check(lambda: mx.random.uniform(1, 'b'))
check(lambda: mx.random.randint(p, p + 3))
