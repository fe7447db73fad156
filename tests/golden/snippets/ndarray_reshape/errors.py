def check(f):
    try:
        print(f())
    except Exception as e:
        m = str(e).split('MXNetError: ')[-1]
        m = m.split('\n', 2)[-1] if m.startswith('Traceback') else m
        print('!! CAUGHT %s: %s' % (type(e).__name__, m.strip().replace('\n', ' | ')))

from mxnet import nd
x = nd.arange(24).reshape((2, 3, 4))
check(lambda: x.reshape((5, 5)))
check(lambda: x.reshape((5,)))
check(lambda: x.reshape((7, -1)))
check(lambda: x.reshape((-1, -1)))
check(lambda: x.reshape((2, 3), bad=True))
