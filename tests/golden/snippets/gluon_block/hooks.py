import mxnet as mx
from mxnet import gluon, nd
from mxnet.gluon import nn

net = nn.Dense(2, in_units=2, prefix='d_')
net.initialize(mx.init.One())
def pre(block, inputs):
    print('pre', block.name, len(inputs), inputs[0].shape)
def post(block, inputs, outputs):
    print('post', block.name, len(inputs), outputs.shape, outputs.asnumpy().tolist())
h1 = net.register_forward_pre_hook(pre)
h2 = net.register_forward_hook(post)
print(type(h1).__name__)
net(nd.ones((1, 2)))
h1.detach()
net(nd.ones((1, 2)))
h2.detach()
net(nd.ones((1, 2)))
print('detached')
with net.register_forward_hook(post):
    net(nd.ones((3, 2)))
net(nd.ones((1, 2)))
print('done')
seq = nn.HybridSequential(prefix='s_')
with seq.name_scope():
    seq.add(nn.Dense(2, in_units=2))
seq.initialize(mx.init.One())
seq[0].register_forward_hook(lambda blk, i, o: print('hook', blk.name))
seq.hybridize()
print(seq(nd.ones((1, 2))))
print(seq(nd.ones((1, 2))))
