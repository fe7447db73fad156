def check(f):
    try:
        r = f()
        print(r)
    except Exception as e:
        m = str(e).split('MXNetError: ')[-1]
        m = m.split('\n', 2)[-1] if m.startswith('Traceback') else m
        print('!! CAUGHT %s: %s' % (type(e).__name__, m.strip().replace('\n', ' | ')))


import mxnet as mx
check(lambda: hash(mx.init.Zero()))
check(lambda: {mx.init.Uniform(): 1})
check(lambda: set([mx.init.Xavier()]))
print(mx.init.Initializer.__hash__ is None, mx.init.Uniform.__hash__ is None)
