def check(f):
    try:
        print(f())
    except Exception as e:
        m = str(e).split('MXNetError: ')[-1]
        m = m.split('\n', 2)[-1] if m.startswith('Traceback') else m
        print('!! CAUGHT %s: %s' % (type(e).__name__, m.strip().replace('\n', ' | ')))

from mxnet import nd
x = nd.ones((2, 3))
check(lambda: nd.relu(x, alpha=1))
check(lambda: nd.softmax(x, dim=1))
check(lambda: nd.transpose(x, axis=(1, 0)))
check(lambda: nd.FullyConnected(x, nd.ones((4, 3)), nd.zeros(4), num_hidden=4, units=4))
check(lambda: nd.broadcast_add(x, x, axis=0))
check(lambda: nd.exp(x, foo='bar'))
