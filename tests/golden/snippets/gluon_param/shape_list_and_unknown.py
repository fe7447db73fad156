import mxnet as mx
from mxnet import gluon

def check(f):
    try:
        print(f())
    except Exception as e:
        print('!! CAUGHT %s: %s' % (type(e).__name__, str(e).strip().replace('\n', ' | ')))

p = gluon.Parameter('w', shape=[2, 3])
print(p, type(p.shape).__name__)
p.initialize(init=mx.init.One())
print(p.data().shape, p.shape)
pd = gluon.ParameterDict('a_')
pd.get('x', shape=[2, 0])
print(pd.get('x', shape=(2, 3)))
pd.get('y', shape=(-1, 4))
print(pd.get('y', shape=(5, 4)))
pd.get('z', shape=(3, 4))
print(pd.get('z', shape=(-1, 0)))
check(lambda: pd.get('z', shape=(3, 5)))
q = gluon.Parameter('q', shape=(2, -1))
q.shape = [2, 7]
print(q.shape)
check(lambda: setattr(q, 'shape', None))
