# A legacy MXNet 1.x Gluon program, unchanged: parameter sharing between blocks,
# a Constant, gradient accumulation with grad_req='add', and zero_grad.
# Run it with:  python -m mxcompat examples/gluon_param_sharing.py
# mxcompat-env: MXCOMPAT_RANDOM=mxnet
import numpy as np
import mxnet as mx
from mxnet import autograd, gluon, nd
from mxnet.gluon import nn


class Tied(gluon.HybridBlock):
    """Encoder and decoder share one weight matrix; a fixed Constant shifts the code."""

    def __init__(self, **kwargs):
        super(Tied, self).__init__(**kwargs)
        with self.name_scope():
            self.enc = nn.Dense(3, in_units=5, use_bias=False)
            self.shift = self.params.get_constant('shift', nd.array([[0.1, -0.2, 0.3]]))

    def hybrid_forward(self, F, x, shift):
        code = F.tanh(self.enc(x)) + shift
        w = self.enc.weight.data() if F is nd else None
        return F.dot(code, w) if w is not None else code


mx.random.seed(21)
first = nn.Dense(4, in_units=5, prefix='first_')
second = nn.Dense(4, in_units=5, params=first.collect_params(), prefix='second_')
first.initialize(mx.init.Uniform(0.5))
x = nd.array(np.arange(10).reshape(2, 5) / 10.0)
print('shared weight object', first.weight is second.weight)
print('same output', (first(x) == second(x)).min().asscalar())
print(second.collect_params())

tied = Tied(prefix='tied_')
tied.initialize(mx.init.Uniform(0.5))
print(tied.collect_params())
print('constant', tied.shift.data(), tied.shift.grad_req)
print('tied output', tied(x))

# gradient accumulation: two half-batches with grad_req='add' equal one full batch
net = nn.Dense(2, in_units=5)
net.initialize(mx.init.Uniform(0.5))
target = nd.array([[1, 0], [0, 1]])
loss_fn = gluon.loss.L2Loss()
with autograd.record():
    full = loss_fn(net(x), target)
full.backward()
full_grad = net.weight.grad().copy()

net.collect_params().setattr('grad_req', 'add')
net.collect_params().zero_grad()
for i in range(2):
    with autograd.record():
        part = loss_fn(net(x[i:i + 1]), target[i:i + 1])
    part.backward()
print('accumulated == full batch', np.allclose(net.weight.grad().asnumpy(),
                                              full_grad.asnumpy(), atol=1e-6))
print(net.weight.grad())
trainer = gluon.Trainer(net.collect_params(), 'sgd', {'learning_rate': 1.0})
trainer.step(2)
print('updated weight', net.weight.data())
net.collect_params().zero_grad()
print('after zero_grad', net.weight.grad().sum().asscalar(), net.bias.grad().sum().asscalar())

# sharing through ParameterDict.update / get with shared dicts
pd = gluon.ParameterDict(prefix='shared_')
w = pd.get('w', shape=(2, 2), init=mx.init.One())
pd2 = gluon.ParameterDict(prefix='shared_', shared=pd)
print('get from shared dict', pd2.get('w') is w)
pd.initialize()
print(pd2.get('w').data())
