def check(f):
    try:
        r = f()
        print(r)
    except Exception as e:
        m = str(e).split('MXNetError: ')[-1]
        m = m.split('\n', 2)[-1] if m.startswith('Traceback') else m
        print('!! CAUGHT %s: %s' % (type(e).__name__, m.strip().replace('\n', ' | ')))


import mxnet as mx
check(lambda: mx.init.register(int))
check(lambda: mx.init.register(object))
check(lambda: mx.init.register(mx.init.Load))
check(lambda: mx.init.alias('foo_x')(dict))
