import numpy as np
import mxnet as mx
from mxnet import gluon

def check(f):
    try:
        print(f())
    except Exception as e:
        print('!! CAUGHT %s: %s' % (type(e).__name__, str(e).strip().replace('\n', ' | ')))

p = gluon.Parameter('w', shape=(2,), init=mx.init.Constant(2.0))
check(lambda: p.reset_ctx(mx.cpu(1)))
p.initialize(ctx=mx.cpu(0))
p.reset_ctx([mx.cpu(1), mx.cpu(2)])
print(p.list_ctx())
print(p.data(mx.cpu(2)))
print(p.grad(mx.cpu(1)))
d = gluon.Parameter('d', shape=(0,), allow_deferred_init=True)
d.initialize(init=mx.init.One(), ctx=mx.cpu(0))
d.reset_ctx(mx.cpu(3))
print(d.list_ctx())
d.shape = (3,)
d._finish_deferred_init()
print(d.data().context)
c = gluon.Parameter('c', shape=(2,), init=mx.init.One())
c.initialize()
c.cast('float64')
print(c.dtype, c.data().dtype, c.grad().dtype)
c.cast(np.float16)
print(c.dtype, c.data().dtype, c.grad().dtype)
u = gluon.Parameter('u', shape=(2,))
u.cast('int32')
print(u.dtype)
print(u)
