import mxnet as mx
from mxnet import gluon, nd, autograd
from mxnet.gluon import nn

def check(f):
    try:
        print(f())
    except Exception as e:
        m = str(e).split('MXNetError: ')[-1]
        print('!! CAUGHT %s: %s' % (type(e).__name__, m.strip().replace('\n', ' | ')[:400]))

net = nn.HybridSequential(prefix='b_')
with net.name_scope():
    net.add(nn.Dense(2, in_units=2), nn.Dense(1))
check(lambda: net(nd.ones((1, 2))))
check(lambda: net.save_parameters('x.params'))
net.initialize(mx.init.One())
check(lambda: net.save_parameters('x.params'))
net.initialize()
net.initialize(mx.init.Zero(), force_reinit=True)
print(net(nd.ones((1, 2))))
net.collect_params().initialize(mx.init.One(), force_reinit=True)
print(net(nd.ones((1, 2))))
x = nd.ones((1, 2))
with autograd.record():
    y = net(x).sum()
y.backward()
print(net[0].weight.grad())
net.collect_params().zero_grad()
print(net[0].weight.grad())
net.collect_params().reset_ctx(mx.cpu(1))
print(net[1].weight.list_ctx(), net(nd.ones((1, 2), ctx=mx.cpu(1))))
check(lambda: net(nd.ones((1, 2))))
blk = nn.Sequential()
blk.add(nn.Lambda(lambda x: x * 2))
blk.register_forward_hook(lambda b, i, o: print('hooked', o.asnumpy().tolist()))
blk.hybridize()
print(blk(nd.ones((2,))))
check(lambda: net.zero_grad())
check(lambda: net.reset_ctx(mx.cpu(0)))
