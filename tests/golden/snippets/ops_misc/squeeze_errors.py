def check(f):
    try:
        print(f())
    except Exception as e:
        m = str(e).split('MXNetError: ')[-1]
        m = m.split('\n', 2)[-1] if m.startswith('Traceback') else m
        print('!! CAUGHT %s: %s' % (type(e).__name__, m.strip().replace('\n', ' | ')))

from mxnet import nd
check(lambda: nd.squeeze(nd.zeros((1, 3)), axis=1))
check(lambda: nd.squeeze(nd.zeros((1, 1))).shape)
check(lambda: nd.expand_dims(nd.zeros((2, 3)), axis=4))
