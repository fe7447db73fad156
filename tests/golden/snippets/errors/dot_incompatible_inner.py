def check(f):
    try:
        print(f())
    except Exception as e:
        m = str(e).split('MXNetError: ')[-1]
        m = m.split('\n', 2)[-1] if m.startswith('Traceback') else m
        print('!! CAUGHT %s: %s' % (type(e).__name__, m.strip().replace('\n', ' | ')))

from mxnet import nd
check(lambda: nd.dot(nd.ones((2, 3)), nd.ones((4, 2))))
check(lambda: nd.batch_dot(nd.ones((2, 2, 3)), nd.ones((3, 3, 2))))
check(lambda: nd.linalg.gemm2(nd.ones((2, 3)), nd.ones((2, 3))))
