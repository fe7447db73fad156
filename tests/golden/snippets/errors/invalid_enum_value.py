def check(f):
    try:
        print(f())
    except Exception as e:
        m = str(e).split('MXNetError: ')[-1]
        m = m.split('\n', 2)[-1] if m.startswith('Traceback') else m
        print('!! CAUGHT %s: %s' % (type(e).__name__, m.strip().replace('\n', ' | ')))

from mxnet import nd
x = nd.ones((1, 1, 4, 4))
check(lambda: nd.Pooling(x, kernel=(2, 2), pool_type='median'))
check(lambda: nd.topk(nd.ones(3), ret_typ='values'))
check(lambda: nd.pad(x, mode='wrap', pad_width=(0, 0, 0, 0, 1, 1, 1, 1)))
check(lambda: nd.take(nd.ones(3), nd.array([0]), mode='nearest'))
