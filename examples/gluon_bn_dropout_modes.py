# A legacy MXNet 1.x Gluon program, unchanged: BatchNorm and Dropout behave differently
# in training and prediction mode.  Run it with:
#   python -m mxcompat examples/gluon_bn_dropout_modes.py
# mxcompat-env: MXCOMPAT_RANDOM=mxnet
import numpy as np
import mxnet as mx
from mxnet import autograd, gluon, nd
from mxnet.gluon import nn

mx.random.seed(0)
x = nd.array(np.arange(24, dtype='float32').reshape(6, 4) / 4.0 - 2.0)

# --- BatchNorm: running statistics move only in training mode
bn = nn.BatchNorm(momentum=0.8, in_channels=4)
bn.initialize()
print(bn)
print('predict-mode output (fresh running stats)\n', bn(x))
for step in range(3):
    with autograd.record():
        y = bn(x * (step + 1))
    y.backward()    # MXNet moves the running statistics in the backward pass
    print('train step %d batch mean %.4f std %.4f' % (step, y.mean().asscalar(),
                                                      y.asnumpy().std()))
    print('  running_mean', bn.running_mean.data().asnumpy().tolist())
print('running_mean', bn.running_mean.data())
print('running_var', bn.running_var.data())
with autograd.record(train_mode=False):
    z = bn(x)
print('record(train_mode=False) output\n', z)
print('running_mean unchanged', bn.running_mean.data().asnumpy().tolist())
print('gamma, beta', bn.gamma.data().asnumpy().tolist(), bn.beta.data().asnumpy().tolist())

# --- Dropout: identity in predict mode, masks and rescales in train mode
drop = nn.Dropout(0.5)
print(drop)
ones = nd.ones((200, 50))
print('predict mode identity', (drop(ones) == ones).min().asscalar() == 1)
with autograd.record():
    dropped = drop(ones)
zeros = (dropped == 0).mean().asscalar()
print('train mode: fraction zeroed %.1f' % zeros)
print('kept values', sorted(set(dropped.asnumpy().ravel().tolist())))
with autograd.predict_mode():
    print('predict_mode inside record scope:', autograd.is_training())
print('is_training outside', autograd.is_training())
with autograd.train_mode():
    trained = drop(ones)
print('train_mode without recording zeroes too:', bool((trained == 0).sum().asscalar() > 0))

# --- both together in a hybridized network, BatchNorm with axis=1 over NCHW images
net = nn.HybridSequential()
net.add(nn.Conv2D(3, kernel_size=1, use_bias=False), nn.BatchNorm(), nn.Dropout(0.3),
        nn.Activation('relu'))
net.initialize(mx.init.Constant(0.5))
net.hybridize()
img = nd.array(np.linspace(0, 1, 2 * 2 * 3 * 3).reshape(2, 2, 3, 3))
for _ in range(2):
    with autograd.record():
        out = net(img)
    out.backward()
print(net)
print('bn running_mean', net[1].running_mean.data())
print('bn running_var', net[1].running_var.data())
print('predict output\n', net(img)[0])
