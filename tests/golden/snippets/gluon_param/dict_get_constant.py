import mxnet as mx
from mxnet import gluon

def check(f):
    try:
        print(f())
    except Exception as e:
        print('!! CAUGHT %s: %s' % (type(e).__name__, str(e).strip().replace('\n', ' | ')))

pd = gluon.ParameterDict('p_')
c = pd.get_constant('c', mx.nd.array([1, 2]))
print(c)
print(pd.get_constant('c') is c)
print(pd.get_constant('c', mx.nd.array([1, 2])) is c)
check(lambda: pd.get_constant('c', mx.nd.array([1, 3])))
check(lambda: pd.get_constant('nope'))
pd.get('w', shape=(2,))
check(lambda: pd.get_constant('w', mx.nd.array([1, 2])))
print(pd)
