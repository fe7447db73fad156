def check(f):
    try:
        print(f())
    except Exception as e:
        m = str(e).split('MXNetError: ')[-1]
        m = m.split('\n', 2)[-1] if m.startswith('Traceback') else m
        print('!! CAUGHT %s: %s' % (type(e).__name__, m.strip().replace('\n', ' | ')))

from mxnet import nd
x = nd.arange(12).reshape((3, 4))
check(lambda: nd.slice_axis(x, axis=2, begin=0, end=1))
check(lambda: nd.slice_axis(x, axis=0, begin=2, end=1))
check(lambda: nd.slice(x, begin=(0, 0, 0), end=(1, 1, 1)))
