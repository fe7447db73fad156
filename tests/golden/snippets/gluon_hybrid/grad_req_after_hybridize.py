import mxnet as mx
from mxnet import gluon, nd, autograd
from mxnet.gluon import nn

def check(f):
    try:
        print(f())
    except Exception as e:
        print('!! CAUGHT %s: %s' % (type(e).__name__, str(e).strip().replace('\n', ' | ')))

x = nd.array([[1.0, 2.0], [3.0, -1.0]])
for hyb in (False, True):
    net = nn.Dense(2, in_units=2, prefix='q_')
    net.initialize(mx.init.One())
    if hyb:
        net.hybridize()
    with autograd.record():
        y = (net(x) ** 2).sum()
    y.backward()
    print(hyb, net.weight.grad().asnumpy().tolist(), net.bias.grad().asnumpy().tolist())
    net.weight.grad_req = 'null'
    with autograd.record():
        y = (net(x) ** 2).sum()
    y.backward()
    check(lambda: net.weight.grad())
    print(hyb, net.bias.grad().asnumpy().tolist())
    net.weight.grad_req = 'write'
    with autograd.record():
        y = (net(x) * 3).sum()
    y.backward()
    print(hyb, net.weight.grad().asnumpy().tolist())
