import mxnet as mx
from mxnet import gluon, nd, autograd
from mxnet.gluon import nn

def build():
    net = nn.HybridSequential(prefix='g_')
    with net.name_scope():
        net.add(nn.Dense(3, in_units=4, activation='tanh'), nn.Dense(2, in_units=3))
    net.initialize()
    for i, (k, p) in enumerate(sorted(net.collect_params().items())):
        p.set_data((nd.arange(p.data().size).reshape(p.shape) + i) / 10.0 - 0.3)
    return net
x = nd.arange(8).reshape((2, 4)) / 8.0
for hyb in (False, True):
    net = build()
    if hyb:
        net.hybridize()
    xx = x.copy()
    xx.attach_grad()
    with autograd.record():
        out = net(xx)
        loss = (out * out).sum()
    loss.backward()
    print(hyb, loss.asscalar())
    for k, p in sorted(net.collect_params().items()):
        print(k, p.grad().asnumpy().tolist())
    print(xx.grad.asnumpy().tolist())
    with autograd.record():
        loss = net(x).sum()
    loss.backward()
    print(net[1].bias.grad())
