def check(f):
    try:
        r = f()
        print(r)
    except Exception as e:
        m = str(e).split('MXNetError: ')[-1]
        m = m.split('\n', 2)[-1] if m.startswith('Traceback') else m
        print('!! CAUGHT %s: %s' % (type(e).__name__, m.strip().replace('\n', ' | ')))


import mxnet as mx
a = mx.nd.zeros((2, 3))
x = mx.init.Xavier(rnd_type='foo')
print(x.dumps())
check(lambda: x(mx.init.InitDesc('a_weight'), a))
y = mx.init.Xavier(factor_type='foo')
check(lambda: y(mx.init.InitDesc('a_weight'), a))
z = mx.init.Xavier(factor_type='foo', rnd_type='foo')
check(lambda: z(mx.init.InitDesc('a_weight'), mx.nd.zeros((3,))))
check(lambda: mx.init.MSRAPrelu(factor_type='bad')(mx.init.InitDesc('a_weight'), a))
check(lambda: mx.init.Xavier(magnitude='x'))
check(lambda: mx.init.Xavier(magnitude=None))
