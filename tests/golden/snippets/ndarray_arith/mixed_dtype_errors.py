def check(f):
    try:
        print(f())
    except Exception as e:
        m = str(e).split('MXNetError: ')[-1]
        m = m.split('\n', 2)[-1] if m.startswith('Traceback') else m
        print('!! CAUGHT %s: %s' % (type(e).__name__, m.strip().replace('\n', ' | ')))

from mxnet import nd
f = nd.ones(2)
check(lambda: f + nd.ones(2, dtype='float64'))
check(lambda: f + nd.ones(2, dtype='int32'))
check(lambda: f * nd.ones(2, dtype='float16'))
check(lambda: nd.elemwise_add(f, nd.ones(2, dtype='int32')))
check(lambda: nd.ones(2, dtype='int32') - nd.ones(2, dtype='int64'))
