import numpy as np
import mxnet as mx
from mxnet import gluon

def check(f):
    try:
        print(f())
    except Exception as e:
        print('!! CAUGHT %s: %s' % (type(e).__name__, str(e).strip().replace('\n', ' | ')))

pd = gluon.ParameterDict('m_')
a = pd.get('a', shape=5)
print(a, a.shape)
print(pd.get('a', shape=(5,)) is a)
check(lambda: pd.get('a', init='zeros'))
b = pd.get('b', shape=(2,), init='zeros')
check(lambda: pd.get('b', init='ones'))
print(pd.get('b', init='zeros') is b)
c = pd.get('c', shape=(2,), dtype=np.float32)
print(pd.get('c', dtype='float32') is c)
print(c.dtype)
d = pd.get('d', shape=(2,), dtype='float32')
print(pd.get('d', dtype=np.float32) is d)
print(d.dtype)
p = gluon.Parameter('p', shape=(2,))
p.dtype = 'float16'
print(p.dtype, p)
p.initialize(init=mx.init.One())
print(p.data().dtype)
p.set_data(np.array([3.0, 4.0]))
print(p.data())
p.set_data(mx.nd.array([5, 6], dtype='float64'))
print(p.data())
q = gluon.Parameter('q', shape=(0, 2), allow_deferred_init=True, dtype='float64')
q.initialize(init=mx.init.One())
q.cast('float16')
print(q.dtype)
q.shape = (1, 2)
q._finish_deferred_init()
print(q.data())
