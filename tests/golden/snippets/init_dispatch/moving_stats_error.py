def check(f):
    try:
        r = f()
        print(r)
    except Exception as e:
        m = str(e).split('MXNetError: ')[-1]
        m = m.split('\n', 2)[-1] if m.startswith('Traceback') else m
        print('!! CAUGHT %s: %s' % (type(e).__name__, m.strip().replace('\n', ' | ')))


import mxnet as mx
init = mx.init.Uniform()
for name in ['bn_moving_mean', 'bn_moving_var', 'bn_moving_inv_var', 'bn_moving_avg', 'running_mean']:
    check(lambda: init(mx.init.InitDesc(name), mx.nd.zeros((2,))))
