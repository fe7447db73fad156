def check(f):
    try:
        print(f())
    except Exception as e:
        m = str(e).split('MXNetError: ')[-1]
        m = m.split('\n', 2)[-1] if m.startswith('Traceback') else m
        print('!! CAUGHT %s: %s' % (type(e).__name__, m.strip().replace('\n', ' | ')))

from mxnet import nd
x = nd.arange(6).reshape((2, 3))
check(lambda: nd.sum(x, axis='a'))
check(lambda: nd.sum(x, keepdims='maybe'))
check(lambda: nd.one_hot(nd.array([0]), depth='x'))
