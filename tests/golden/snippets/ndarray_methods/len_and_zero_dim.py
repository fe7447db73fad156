def check(f):
    try:
        print(f())
    except Exception as e:
        m = str(e).split('MXNetError: ')[-1]
        m = m.split('\n', 2)[-1] if m.startswith('Traceback') else m
        print('!! CAUGHT %s: %s' % (type(e).__name__, m.strip().replace('\n', ' | ')))

from mxnet import nd
check(lambda: len(nd.zeros((4, 2))))
check(lambda: len(nd.zeros(3)))
check(lambda: len(nd.array(1.0)))
