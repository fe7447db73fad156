import mxnet as mx
from mxnet import nd, autograd
from mxnet.gluon import nn
x = nd.cos(nd.arange(3 * 2 * 4)).reshape((3, 2, 4)) * 2
x.attach_grad()
for kw in [dict(axis=-1, momentum=0.5), dict(epsilon=0.1, center=False, scale=False),
           dict(use_global_stats=True, in_channels=2),
           dict(gamma_initializer=mx.init.Constant(2), beta_initializer=mx.init.Constant(-1),
                running_mean_initializer=mx.init.Constant(0.5),
                running_variance_initializer=mx.init.Constant(4))]:
    bn = nn.BatchNorm(**kw)
    print(bn)
    bn.initialize()
    print(bn(x))
    with autograd.record():
        y = bn(x)
        loss = (y * nd.arange(24).reshape(y.shape)).sum()
    loss.backward()
    print(y)
    print(x.grad)
    print(bn.gamma.data(), bn.beta.data(), bn.running_mean.data(), bn.running_var.data())
    print(bn.gamma.grad_req, bn.beta.grad_req, bn.running_mean.grad_req, bn.running_var.grad_req)
    print(bn(x))
