import mxnet as mx
from mxnet import gluon, nd

def check(f):
    try:
        print(f())
    except Exception as e:
        print('!! CAUGHT %s: %s' % (type(e).__name__, str(e).strip().replace('\n', ' | ')))

pd = gluon.ParameterDict('net_')
pd.get('weight', shape=(2, 2))
pd.get('bias', shape=(2,))
pd.initialize(mx.init.Constant(1.5))
pd.save('full.params')
print(sorted(nd.load('full.params').keys()))
pd.save('stripped.params', strip_prefix='net_')
print(sorted(nd.load('stripped.params').keys()))
check(lambda: pd.save('bad.params', strip_prefix='other_'))

pd2 = gluon.ParameterDict('net_')
pd2.get('weight', shape=(2, 2))
pd2.get('bias', shape=(2,))
pd2.load('full.params')
print(pd2['net_weight'].data())
pd3 = gluon.ParameterDict('net_')
pd3.get('weight', shape=(0, 2), allow_deferred_init=True)
pd3.get('bias', shape=(2,))
pd3.load('stripped.params', restore_prefix='net_')
print(pd3['net_weight'].shape, pd3['net_bias'].data())
check(lambda: pd3.load('stripped.params', restore_prefix='zz_'))
