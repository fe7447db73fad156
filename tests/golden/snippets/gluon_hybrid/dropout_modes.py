import mxnet as mx
from mxnet import gluon, nd, autograd
from mxnet.gluon import nn

net = nn.HybridSequential()
with net.name_scope():
    net.add(nn.Dropout(0.5))
x = nd.ones((100, 100))
for hyb in (False, True):
    if hyb:
        net.hybridize()
    y = net(x)
    print(hyb, 'predict', y.sum().asscalar(), y.shape)
    with autograd.record():
        y = net(x)
    zeros = (y == 0).sum().asscalar()
    kept = y.asnumpy()[y.asnumpy() != 0]
    print(hyb, 'train', y.shape, 3500 < zeros < 6500, set(kept.tolist()))
    with autograd.train_mode():
        y = net(x)
    print(hyb, 'train_mode', 3500 < (y == 0).sum().asscalar() < 6500)
    with autograd.record(train_mode=False):
        y = net(x)
    print(hyb, 'record predict', y.sum().asscalar())
