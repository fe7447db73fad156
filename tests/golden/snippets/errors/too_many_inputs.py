def check(f):
    try:
        print(f())
    except Exception as e:
        m = str(e).split('MXNetError: ')[-1]
        m = m.split('\n', 2)[-1] if m.startswith('Traceback') else m
        print('!! CAUGHT %s: %s' % (type(e).__name__, m.strip().replace('\n', ' | ')))

from mxnet import nd
x = nd.ones(2)
check(lambda: nd.relu(x, x))
check(lambda: nd.FullyConnected(nd.ones((2, 3)), nd.ones((4, 3)), nd.zeros(4), num_hidden=4, no_bias=True))
