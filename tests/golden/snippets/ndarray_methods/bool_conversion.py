def check(f):
    try:
        print(f())
    except Exception as e:
        m = str(e).split('MXNetError: ')[-1]
        m = m.split('\n', 2)[-1] if m.startswith('Traceback') else m
        print('!! CAUGHT %s: %s' % (type(e).__name__, m.strip().replace('\n', ' | ')))

from mxnet import nd
check(lambda: bool(nd.array([0])))
check(lambda: bool(nd.array([2.5])))
check(lambda: bool(nd.array(1.0)))
check(lambda: bool(nd.empty((0, 3))))
check(lambda: bool(nd.array([1, 1])))
