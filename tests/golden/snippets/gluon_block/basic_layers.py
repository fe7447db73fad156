import numpy as np
import mxnet as mx
from mxnet import gluon, nd
from mxnet.gluon import nn

def check(f):
    try:
        print(f())
    except Exception as e:
        m = str(e).split('MXNetError: ')[-1]
        print('!! CAUGHT %s: %s' % (type(e).__name__, m.strip().replace('\n', ' | ')[:300]))

d = nn.Dense(3, activation='relu', in_units=4, prefix='fc_')
print(d, d.act.prefix, d.act.name, list(d._children.keys()))
print(nn.Dense(3, use_bias=False, flatten=False, in_units=2, dtype='float64', prefix='g_').collect_params())
x = nd.arange(24).reshape((2, 3, 4)) / 24.0
f = nn.Dense(2, flatten=False, prefix='f_')
f.initialize(mx.init.One())
print(f(x).shape, f)
g = nn.Dense(2, prefix='g_')
g.initialize(mx.init.One())
print(g(x).shape, g)
print(nn.Dropout(0.25, axes=(1,)))
print(nn.Activation('softrelu'), nn.Activation('softrelu').prefix)
print(nn.Flatten()(nd.ones((2, 3, 4, 5))).shape)
lam = nn.Lambda('tanh')
print(lam(nd.array([0.0, 1.0])))
check(lambda: nn.Lambda('no_such_op'))
check(lambda: nn.HybridLambda('no_such_op'))
check(lambda: nn.Lambda(5))
hl = nn.HybridLambda('relu')
print(hl, hl(nd.array([-1.0, 2.0])))
hl.hybridize()
print(hl(nd.array([-1.0, 2.0])))
hl2 = nn.HybridLambda(lambda F, x, y: F.broadcast_add(x, y), prefix='add_')
hl2.hybridize()
print(hl2.prefix, hl2(nd.ones((2, 2)), nd.array([1.0, 2.0])))
a = nn.Activation('bogus')
check(lambda: a(nd.ones((1,))))
