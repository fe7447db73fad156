import mxnet as mx
from mxnet import nd, autograd
from mxnet.gluon import nn
# MXNet updates the running statistics in backward (mxcompat: in the training forward),
# so each training step here is forward + backward.
bn = nn.BatchNorm()
print(bn)
print(bn.collect_params())
bn.initialize()
x = nd.sin(nd.arange(4 * 3 * 2 * 2)).reshape((4, 3, 2, 2)) * 3 + 1
print(bn(x))
print(bn)
print(bn.collect_params())
for i in range(3):
    with autograd.record():
        y = bn(x + i)
        loss = (y * y * nd.arange(48).reshape(y.shape)).sum()
    loss.backward()
    print(y)
    print(bn.running_mean.data(), bn.running_var.data())
    print(bn.gamma.grad(), bn.beta.grad())
print(bn(x))
y = bn(x)
print(bn.running_mean.data(), bn.running_var.data())
