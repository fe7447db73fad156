import mxnet as mx
from mxnet import nd, autograd
from mxnet.gluon import nn
net = nn.HybridSequential()
with net.name_scope():
    net.add(nn.Dense(3, in_units=4, use_bias=False), nn.BatchNorm(), nn.Activation('tanh'))
net.initialize(mx.init.Constant(0.3))
net[0].weight.set_data(nd.sin(nd.arange(12)).reshape((3, 4)))
x = nd.cos(nd.arange(20)).reshape((5, 4))
for hybrid in [False, True]:
    if hybrid:
        net.hybridize()
    with autograd.record():
        y = net(x)
        loss = (y * nd.arange(15).reshape((5, 3))).sum()
    loss.backward()
    print(y)
    for name, p in sorted(net.collect_params().items()):
        print(name, p.data(), p.grad() if p.grad_req != 'null' else None)
    print(net(x))
