def check(f):
    try:
        print(f())
    except Exception as e:
        m = str(e).split('MXNetError: ')[-1]
        m = m.split('\n', 2)[-1] if m.startswith('Traceback') else m
        print('!! CAUGHT %s: %s' % (type(e).__name__, m.strip().replace('\n', ' | ')))

import mxnet as mx
check(lambda: mx.random.randint(0, 10, shape=3, dtype='float32'))
check(lambda: mx.random.randint(0, 10, shape=3, dtype='int8'))
check(lambda: mx.random.randint(0, 5, shape=(2,), dtype=None))
check(lambda: mx.random.uniform(shape=(2, 3), dtype='int32'))
check(lambda: mx.random.normal(mx.nd.array([1, 2]), mx.nd.array([1, 2]), dtype='int32'))
check(lambda: mx.random.multinomial(mx.nd.array([0.5, 0.5]), dtype='int64'))
check(lambda: mx.random.uniform(mx.nd.array([0, 1], dtype='float64'), mx.nd.array([1, 2])).asnumpy())
