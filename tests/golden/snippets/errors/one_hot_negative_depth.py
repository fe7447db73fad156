def check(f):
    try:
        print(f())
    except Exception as e:
        m = str(e).split('MXNetError: ')[-1]
        m = m.split('\n', 2)[-1] if m.startswith('Traceback') else m
        print('!! CAUGHT %s: %s' % (type(e).__name__, m.strip().replace('\n', ' | ')))

from mxnet import nd
check(lambda: nd.one_hot(nd.array([0, 1]), depth=0).shape)
check(lambda: nd.one_hot(nd.array([0, 1]), depth=-1))
