import mxnet as mx
from mxnet import gluon

def check(f):
    try:
        print(f())
    except Exception as e:
        print('!! CAUGHT %s: %s' % (type(e).__name__, str(e).strip().replace('\n', ' | ')))

p = gluon.Parameter('w', shape=(0, 3))
check(lambda: p.initialize())
p2 = gluon.Parameter('w2')
check(lambda: p2.initialize())
q = gluon.Parameter('q', shape=(2, 3))
check(lambda: q.data())
check(lambda: q.grad())
check(lambda: q.list_data())
check(lambda: q.list_grad())
check(lambda: q.list_ctx())
d = gluon.Parameter('d', shape=(0, 3), allow_deferred_init=True)
d.initialize(init=mx.init.One())
check(lambda: d.data())
check(lambda: d.grad())
check(lambda: d.list_data())
print(d.list_ctx())
check(lambda: d.set_data(mx.nd.arange(6).reshape((2, 3))))
print(d.shape)
check(lambda: d._finish_deferred_init())
print(d.data())
