def check(f):
    try:
        print(f())
    except Exception as e:
        m = str(e).split('MXNetError: ')[-1]
        m = m.split('\n', 2)[-1] if m.startswith('Traceback') else m
        print('!! CAUGHT %s: %s' % (type(e).__name__, m.strip().replace('\n', ' | ')))

import mxnet as mx
check(lambda: mx.random.seed('a'))
check(lambda: mx.random.seed(1.5))
check(lambda: mx.random.seed(None))
check(lambda: mx.random.seed(1, ctx='foo'))
check(lambda: mx.random.seed(1, ctx=5))
