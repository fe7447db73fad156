import mxnet as mx
from mxnet import gluon, nd, autograd
from mxnet.gluon import nn

x = nd.array([[1.0, 2.0]])
for hyb in (False, True):
    net = nn.Dense(2, in_units=2, prefix='a_')
    net.initialize(mx.init.One())
    net.weight.grad_req = 'add'
    net.bias.grad_req = 'null'
    if hyb:
        net.hybridize()
    for _ in range(2):
        with autograd.record():
            y = net(x).sum()
        y.backward()
    print(hyb, net.weight.grad())
    net.weight.zero_grad()
    print(net.weight.grad().sum().asscalar())
