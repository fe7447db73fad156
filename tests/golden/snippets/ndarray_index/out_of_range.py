def check(f):
    try:
        print(f())
    except Exception as e:
        m = str(e).split('MXNetError: ')[-1]
        m = m.split('\n', 2)[-1] if m.startswith('Traceback') else m
        print('!! CAUGHT %s: %s' % (type(e).__name__, m.strip().replace('\n', ' | ')))

from mxnet import nd
x = nd.arange(12).reshape((3, 4))
check(lambda: x[5])
check(lambda: x[-4])
check(lambda: x[1, 4])
check(lambda: x[0, 0, 0])
