import mxnet as mx
from mxnet import gluon

def check(f):
    try:
        print(f())
    except Exception as e:
        print('!! CAUGHT %s: %s' % (type(e).__name__, str(e).strip().replace('\n', ' | ')))

p = gluon.Parameter('w', shape=(2,), init=mx.init.One())
p.initialize(ctx=[mx.cpu(0), mx.cpu(1)])
print(p.list_ctx())
print(p.data(mx.cpu(1)))
print(p.data(mx.cpu(1)).context)
print(len(p.list_data()), len(p.list_grad()))
print([d.context for d in p.list_data()])
check(lambda: p.data(mx.cpu(2)))
check(lambda: p.grad(mx.cpu(3)))
print(p.data())
with mx.cpu(1):
    print(p.data().context)
q = gluon.Parameter('q', shape=(2,), init=mx.init.One())
q.initialize(ctx=mx.cpu(1))
print(q.list_ctx())
print(q.data().context)
check(lambda: q.data(mx.cpu(0)))
