import mxnet as mx
from mxnet import gluon, nd
from mxnet.gluon import nn

def build(prefix=None):
    net = nn.HybridSequential(prefix=prefix)
    with net.name_scope():
        net.add(nn.Dense(3, in_units=2, activation='relu'))
        inner = nn.HybridSequential()
        inner.add(nn.Dense(2, in_units=3), nn.Dense(1, in_units=2, use_bias=False))
        net.add(inner)
    return net
net = build('a_')
net.initialize()
for i, p in enumerate(net.collect_params().values()):
    p.set_data(nd.arange(p.data().size).reshape(p.shape) * 0.1 + i)
net.save_parameters('net.params')
loaded = nd.load('net.params')
print(list(loaded.keys()))
print(sorted(loaded.keys()))
print(loaded['1.0.weight'])
other = build('b_')
other.load_parameters('net.params')
x = nd.array([[1.0, -1.0], [0.5, 2.0]])
print(net(x))
print(other(x))
print(other[1][0].bias.data())
same = build('a_')
same.initialize(mx.init.Zero())
same.load_parameters('net.params', ctx=mx.cpu(1))
print(same[0].weight.data().context, same(x.as_in_context(mx.cpu(1))))
