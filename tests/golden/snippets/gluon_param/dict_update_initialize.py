import mxnet as mx
from mxnet import gluon

def check(f):
    try:
        print(f())
    except Exception as e:
        print('!! CAUGHT %s: %s' % (type(e).__name__, str(e).strip().replace('\n', ' | ')))

a = gluon.ParameterDict('a_')
a.get('w', shape=(2,))
b = gluon.ParameterDict('b_')
b.get('v', shape=(3,), init=mx.init.Constant(5.0))
a.update(b)
print(list(a.keys()))
a.update(b)
print(list(a.keys()))
c = gluon.ParameterDict('b_')
c.get('v', shape=(3,))
check(lambda: a.update(c))
a.initialize(mx.init.One())
for k, v in a.items():
    print(k, v.data())
a.initialize()
a.initialize(mx.init.Zero(), force_reinit=True)
for k, v in a.items():
    print(k, v.data())
print(a.list_ctx())
a.zero_grad()
a.reset_ctx(mx.cpu(1))
print(a.list_ctx())
