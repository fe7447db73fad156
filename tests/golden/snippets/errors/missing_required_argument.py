def check(f):
    try:
        print(f())
    except Exception as e:
        m = str(e).split('MXNetError: ')[-1]
        m = m.split('\n', 2)[-1] if m.startswith('Traceback') else m
        print('!! CAUGHT %s: %s' % (type(e).__name__, m.strip().replace('\n', ' | ')))

from mxnet import nd
x = nd.ones((1, 1, 4, 4))
check(lambda: nd.Convolution(x, nd.ones((1, 1, 2, 2)), nd.zeros(1), num_filter=1))
check(lambda: nd.FullyConnected(nd.ones((2, 3)), nd.ones((4, 3)), nd.zeros(4)))
check(lambda: nd.one_hot(nd.array([0, 1])))
check(lambda: nd.Pooling(x, pool_type='max'))
