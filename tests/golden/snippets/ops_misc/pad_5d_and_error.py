def check(f):
    try:
        print(f())
    except Exception as e:
        m = str(e).split('MXNetError: ')[-1]
        m = m.split('\n', 2)[-1] if m.startswith('Traceback') else m
        print('!! CAUGHT %s: %s' % (type(e).__name__, m.strip().replace('\n', ' | ')))

from mxnet import nd
x = nd.arange(8).reshape((1, 1, 2, 2, 2))
check(lambda: nd.pad(x, mode='constant', pad_width=(0, 0, 0, 0, 1, 0, 0, 0, 0, 1), constant_value=9).shape)
check(lambda: nd.pad(nd.arange(4).reshape((2, 2)), mode='constant', pad_width=(1, 1, 1, 1)))
check(lambda: nd.pad(x, mode='edge', pad_width=(1, 1, 0, 0, 0, 0, 0, 0, 0, 0)))
