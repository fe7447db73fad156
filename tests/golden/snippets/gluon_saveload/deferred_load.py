import mxnet as mx
from mxnet import gluon, nd
from mxnet.gluon import nn

def check(f):
    try:
        print(f())
    except Exception as e:
        print('!! CAUGHT %s: %s' % (type(e).__name__, str(e).strip().replace('\n', ' | ')))

net = nn.HybridSequential(prefix='p_')
with net.name_scope():
    net.add(nn.Dense(3, in_units=4), nn.Dense(2, in_units=3))
net.initialize(mx.init.One())
net.save_parameters('p.params')
d = nn.HybridSequential(prefix='p_')
with d.name_scope():
    d.add(nn.Dense(3), nn.Dense(2))
d.load_parameters('p.params')
print(d)
print(d(nd.ones((1, 4))))
e = nn.HybridSequential(prefix='p_')
with e.name_scope():
    e.add(nn.Dense(3), nn.Dense(2))
e.initialize(ctx=mx.cpu(0))
check(lambda: e.load_parameters('p.params', ctx=mx.cpu(1)))
e.load_parameters('p.params', ctx=mx.cpu(0))
print(e[0].weight.shape, e[0].weight.list_ctx())
f = nn.HybridSequential(prefix='p_')
with f.name_scope():
    f.add(nn.Dense(3, in_units=4), nn.Dense(2, in_units=3))
f.initialize(ctx=[mx.cpu(0), mx.cpu(1)])
check(lambda: f.load_parameters('p.params', ctx=mx.cpu(2)))
f.load_parameters('p.params')
print(f[1].weight.data(mx.cpu(1)))
