def check(f):
    try:
        print(f())
    except Exception as e:
        m = str(e).split('MXNetError: ')[-1]
        m = m.split('\n', 2)[-1] if m.startswith('Traceback') else m
        print('!! CAUGHT %s: %s' % (type(e).__name__, m.strip().replace('\n', ' | ')))

import mxnet as mx
o = mx.nd.zeros((2, 2))
check(lambda: mx.random.uniform(shape=(3, 3), out=o))
check(lambda: mx.random.uniform(out=mx.nd.zeros((2, 2), dtype='float64'), dtype='float32').asnumpy())
check(lambda: mx.random.uniform(out=mx.nd.zeros((2, 2), dtype='int32')).asnumpy())
check(lambda: mx.random.randint(0, 5, out=mx.nd.zeros(3)).asnumpy())
check(lambda: mx.random.randint(0, 5, out=mx.nd.zeros(3, dtype='int32'), dtype='int64').asnumpy())
check(lambda: mx.random.uniform(mx.nd.array([0, 1]), mx.nd.array([1, 2]), out=o).asnumpy())
