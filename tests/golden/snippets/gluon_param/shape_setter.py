import mxnet as mx
from mxnet import gluon

def check(f):
    try:
        print(f())
    except Exception as e:
        print('!! CAUGHT %s: %s' % (type(e).__name__, str(e).strip().replace('\n', ' | ')))

p = gluon.Parameter('w', shape=(0, 3))
p.shape = (4, 3)
print(p.shape)
def bad():
    p.shape = (4, 5)
check(bad)
def bad2():
    p.shape = (4, 3, 1)
check(bad2)
q = gluon.Parameter('q')
q.shape = (2, 2)
print(q.shape)
r = gluon.Parameter('r', shape=(0, 0))
r.shape = (0, 7)
print(r.shape)
r.shape = (2, 7)
print(r.shape)
