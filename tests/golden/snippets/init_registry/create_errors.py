def check(f):
    try:
        r = f()
        print(r)
    except Exception as e:
        m = str(e).split('MXNetError: ')[-1]
        m = m.split('\n', 2)[-1] if m.startswith('Traceback') else m
        print('!! CAUGHT %s: %s' % (type(e).__name__, m.strip().replace('\n', ' | ')))


import mxnet as mx
check(lambda: mx.init.create('foo'))
check(lambda: mx.init.create('Foo_Bar'))
check(lambda: mx.init.create(3))
check(lambda: mx.init.create(None))
check(lambda: mx.init.create(['normal', {}]))
check(lambda: mx.init.create(mx.init.Zero(), 1))
check(lambda: mx.init.create(mx.init.Zero(), a=1))
check(lambda: mx.init.create())
check(lambda: mx.init.create({}))
check(lambda: mx.init.create('["normal", {"sigma": 0.5}]', 3))
check(lambda: mx.init.create('{"sigma": 0.5}'))
check(lambda: mx.init.create('uniform', bogus=1))
