def check(f):
    try:
        r = f()
        print(r)
    except Exception as e:
        m = str(e).split('MXNetError: ')[-1]
        m = m.split('\n', 2)[-1] if m.startswith('Traceback') else m
        print('!! CAUGHT %s: %s' % (type(e).__name__, m.strip().replace('\n', ' | ')))


import mxnet as mx
init = mx.init.Initializer()
a = mx.nd.ones((2,))
init(mx.init.InitDesc('fc_bias'), a)
print(a)
init(mx.init.InitDesc('bn_gamma'), a)
print(a)
check(lambda: init(mx.init.InitDesc('fc_weight'), a))
check(lambda: init._init_weight('a', a))
check(lambda: init(mx.init.InitDesc('x', attrs={'__init__': '["initializer", {}]'}), a))
