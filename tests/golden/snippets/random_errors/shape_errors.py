def check(f):
    try:
        print(f())
    except Exception as e:
        m = str(e).split('MXNetError: ')[-1]
        m = m.split('\n', 2)[-1] if m.startswith('Traceback') else m
        print('!! CAUGHT %s: %s' % (type(e).__name__, m.strip().replace('\n', ' | ')))

import mxnet as mx
check(lambda: mx.random.randn())
check(lambda: mx.random.uniform(shape=()))
check(lambda: mx.random.uniform(shape=(0,)))
check(lambda: mx.random.uniform(shape=(2, 0)))
check(lambda: mx.random.normal(shape=-1))
check(lambda: mx.random.normal(shape=(2, -1)))
check(lambda: mx.random.uniform(mx.nd.array([0, 1]), mx.nd.array([1, 2, 3])).asnumpy())
check(lambda: mx.random.shuffle(mx.nd.array(3)).asnumpy())
check(lambda: mx.nd.random_uniform().asnumpy())
