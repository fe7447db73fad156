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
pd.initialize(mx.init.One())
pd.save('full.params')

small = gluon.ParameterDict('net_')
small.get('weight', shape=(2, 2))
check(lambda: small.load('full.params'))
small.load('full.params', ignore_extra=True)
print(small['net_weight'].data())

big = gluon.ParameterDict('net_')
big.get('weight', shape=(2, 2))
big.get('bias', shape=(2,))
big.get('gamma', shape=(2,))
check(lambda: big.load('full.params'))
big.load('full.params', allow_missing=True)
print(big['net_bias'].data())
check(lambda: big['net_gamma'].data())

shp = gluon.ParameterDict('net_')
shp.get('weight', shape=(3, 2))
shp.get('bias', shape=(2,))
check(lambda: shp.load('full.params'))

dt = gluon.ParameterDict('net_')
dt.get('weight', shape=(2, 2), dtype='float16')
dt.get('bias', shape=(2,))
check(lambda: dt.load('full.params'))
dt.load('full.params', cast_dtype=True)
print(dt['net_weight'].data())
dt2 = gluon.ParameterDict('net_')
dt2.get('weight', shape=(2, 2), dtype='float16')
dt2.get('bias', shape=(2,))
dt2.load('full.params', cast_dtype=True, dtype_source='saved')
print(dt2['net_weight'].dtype, dt2['net_weight'].data().dtype)
