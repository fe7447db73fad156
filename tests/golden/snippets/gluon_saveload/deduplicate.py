import mxnet as mx
from mxnet import gluon, nd
from mxnet.gluon import nn

def build():
    net = nn.HybridSequential(prefix='s_')
    with net.name_scope():
        a = nn.Dense(2, in_units=2)
        b = nn.Dense(2, in_units=2, params=a.params)
        net.add(a, b, nn.Dense(1, in_units=2))
    return net
net = build()
net.initialize(mx.init.Constant(0.5))
net.save_parameters('all.params')
print(sorted(nd.load('all.params').keys()))
net.save_parameters('dedup.params', deduplicate=True)
print(sorted(nd.load('dedup.params').keys()))
n2 = build()
n2.load_parameters('dedup.params')
print(n2[1].weight.data())
n3 = build()
n3.load_parameters('all.params')
print(n3[0].bias.data())
