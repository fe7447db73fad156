import mxnet as mx
from mxnet import gluon

def check(f):
    try:
        print(f())
    except Exception as e:
        print('!! CAUGHT %s: %s' % (type(e).__name__, str(e).strip().replace('\n', ' | ')))

pd = gluon.ParameterDict('net_')
w = pd.get('weight', shape=(0, 3))
print(w)
w2 = pd.get('weight', shape=(4, 0))
print(w2 is w, w.shape)
check(lambda: pd.get('weight', shape=(5, 3)))
check(lambda: pd.get('weight', shape=(4, 3, 1)))
print(pd.get('weight', shape=(4, 3)) is w)
check(lambda: pd.get('weight', dtype='float16'))
print(pd.get('weight', dtype='float32') is w)
check(lambda: pd.get('weight', lr_mult=2.0))
b = pd.get('bias')
print(b)
b2 = pd.get('bias', shape=(4,), init='zeros')
print(b2 is b, b.shape, b.init)
print(list(pd.keys()))
print(pd['net_weight'] is w)
print('net_weight' in pd, 'weight' in pd)
check(lambda: pd['weight'])
check(lambda: pd.get('x', foo=1))
