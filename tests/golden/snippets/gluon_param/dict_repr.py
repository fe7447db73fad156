import mxnet as mx
from mxnet import gluon

pd = gluon.ParameterDict('model_')
pd.get('weight', shape=(2, 3))
pd.get('bias', shape=(2,), dtype='float16')
print(pd)
print(repr(pd))
e = gluon.ParameterDict()
e.get('x', shape=(1,))
print(e)
print(e.prefix, repr(pd.prefix))
print(gluon.ParameterDict('z_'))
net = gluon.nn.Dense(3, in_units=2, prefix='fc_')
print(net.collect_params())
print(net.params)
