# A legacy MXNet 1.x Gluon program, unchanged: a custom HybridBlock with its own
# parameters (self.params.get) and hybrid_forward(F, x, ...), run imperatively and
# hybridized.  Run it with:  python -m mxcompat examples/gluon_custom_hybridblock.py
# mxcompat-env: MXCOMPAT_RANDOM=mxnet
import numpy as np
import mxnet as mx
from mxnet import autograd, gluon, nd
from mxnet.gluon import nn


class ScaledResidual(nn.HybridBlock):
    """y = x + alpha * tanh(x W^T + b), with a learned per-feature scale alpha."""

    def __init__(self, units, **kwargs):
        super(ScaledResidual, self).__init__(**kwargs)
        self.units = units
        with self.name_scope():
            self.weight = self.params.get('weight', shape=(units, units),
                                          init=mx.init.Xavier())
            self.bias = self.params.get('bias', shape=(units,), init='zeros')
            self.alpha = self.params.get('alpha', shape=(1, units),
                                         init=mx.init.Constant(0.5))

    def hybrid_forward(self, F, x, weight, bias, alpha):
        h = F.FullyConnected(x, weight, bias, num_hidden=self.units)
        return x + F.broadcast_mul(F.tanh(h), alpha)

    def __repr__(self):
        return '%s(units=%d)' % (self.__class__.__name__, self.units)


def build():
    net = nn.HybridSequential(prefix='model_')
    with net.name_scope():
        net.add(ScaledResidual(4), nn.Activation('relu'), ScaledResidual(4), nn.Dense(2))
    return net


mx.random.seed(11)
net = build()
net.initialize()
print(net)
print(net.collect_params())

x = nd.array(np.linspace(-1, 1, 12).reshape(3, 4))
imperative = net(x)
print(imperative)
net.hybridize()
hybrid = net(x)
print(hybrid)
print('max abs difference %.2e' % nd.abs(imperative - hybrid).max().asscalar())
print('same again', nd.abs(net(x) - hybrid).max().asscalar() == 0.0)

# gradients agree between the two modes
def grads(model):
    with autograd.record():
        y = model(x)
        loss = (y * y).sum()
    loss.backward()
    return {k: v.grad().copy() for k, v in model.collect_params().items()}

hybrid_grads = grads(net)
net.hybridize(active=False)
plain_grads = grads(net)
for name in sorted(plain_grads):
    diff = nd.abs(plain_grads[name] - hybrid_grads[name]).max().asscalar()
    print(name, plain_grads[name].shape, 'norm %.5f' % plain_grads[name].norm().asscalar(),
          'agree', bool(diff < 1e-5))

# a few SGD steps through the hybridized block
net.hybridize()
trainer = gluon.Trainer(net.collect_params(), 'sgd', {'learning_rate': 0.1})
target = nd.array([[1, 0], [0, 1], [1, 1]])
for step in range(5):
    with autograd.record():
        loss = gluon.loss.L2Loss()(net(x), target)
    loss.backward()
    trainer.step(3)
    print('step %d loss %.5f' % (step, loss.mean().asscalar()))
print(net[0].alpha.data())
