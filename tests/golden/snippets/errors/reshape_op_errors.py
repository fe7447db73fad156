def check(f):
    try:
        print(f())
    except Exception as e:
        m = str(e).split('MXNetError: ')[-1]
        m = m.split('\n', 2)[-1] if m.startswith('Traceback') else m
        print('!! CAUGHT %s: %s' % (type(e).__name__, m.strip().replace('\n', ' | ')))

from mxnet import nd
x = nd.arange(6)
check(lambda: nd.reshape(x, shape=(-4, 4, -1)))
check(lambda: nd.reshape(x, shape=(-1, -1)))
check(lambda: nd.reshape(x, shape=(5, 0)))
