import mxnet as mx
from mxnet import gluon, nd, autograd
from mxnet.gluon import nn

ctxs = [mx.cpu(0), mx.cpu(1)]
for hyb in (False, True):
    net = nn.HybridSequential(prefix='mc_')
    with net.name_scope():
        net.add(nn.Dense(2, in_units=2, activation='tanh'), nn.Dense(1, in_units=2))
    net.initialize(mx.init.Constant(0.5), ctx=ctxs)
    if hyb:
        net.hybridize()
    xs = [nd.array([[1.0, 2.0]], ctx=ctxs[0]), nd.array([[-1.0, 0.5], [2.0, 2.0]], ctx=ctxs[1])]
    with autograd.record():
        losses = [net(x).sum() for x in xs]
    autograd.backward(losses)
    for c in ctxs:
        print(hyb, c, net[0].weight.grad(c).asnumpy().tolist(), net[1].bias.grad(c).asnumpy().tolist())
    print(net(xs[1]).context)
