def check(f):
    try:
        print(f())
    except Exception as e:
        m = str(e).split('MXNetError: ')[-1]
        m = m.split('\n', 2)[-1] if m.startswith('Traceback') else m
        print('!! CAUGHT %s: %s' % (type(e).__name__, m.strip().replace('\n', ' | ')))

from mxnet import nd
check(lambda: nd.split(nd.arange(10), num_outputs=3, axis=0))
check(lambda: nd.split(nd.arange(10), num_outputs=2))
check(lambda: nd.split(nd.arange(10).reshape((2, 5)), num_outputs=5)[4])
