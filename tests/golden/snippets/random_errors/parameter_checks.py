def check(f):
    try:
        print(f())
    except Exception as e:
        m = str(e).split('MXNetError: ')[-1]
        m = m.split('\n', 2)[-1] if m.startswith('Traceback') else m
        print('!! CAUGHT %s: %s' % (type(e).__name__, m.strip().replace('\n', ' | ')))

import mxnet as mx
check(lambda: mx.random.uniform(2, 1, shape=3).asnumpy())
check(lambda: mx.random.normal(0, -1, shape=3).asnumpy())
check(lambda: mx.random.normal(0, 0, shape=3).asnumpy())
check(lambda: mx.random.poisson(-1, shape=3).asnumpy())
check(lambda: mx.random.exponential(-1, shape=3).asnumpy())
check(lambda: mx.random.gamma(0, 1, shape=3).asnumpy())
check(lambda: mx.random.gamma(1, -1, shape=3).asnumpy())
check(lambda: mx.random.negative_binomial(-1, 0.5, shape=3).asnumpy())
check(lambda: mx.random.negative_binomial(1, -0.5, shape=3).asnumpy())
check(lambda: mx.random.generalized_negative_binomial(-1, 1, shape=3).asnumpy())
check(lambda: mx.random.generalized_negative_binomial(1, -1, shape=3).asnumpy())
check(lambda: mx.random.randint(10, 0, shape=3).asnumpy())
check(lambda: mx.nd.random.normal_like(mx.nd.zeros(3), scale=-1).asnumpy())
check(lambda: mx.nd.random.uniform_like(mx.nd.zeros(3), low=3, high=2).asnumpy())
