# A legacy MXNet 1.x Gluon program, unchanged: a custom Block with child blocks and
# Python control flow in forward, its parameters, and a few training steps.
# Run it with:  python -m mxcompat examples/gluon_custom_block.py
# mxcompat-env: MXCOMPAT_RANDOM=mxnet
import numpy as np
import mxnet as mx
from mxnet import autograd, gluon, nd
from mxnet.gluon import nn


class GatedNet(nn.Block):
    """Applies the hidden layer a data-dependent number of times."""

    def __init__(self, hidden, **kwargs):
        super(GatedNet, self).__init__(**kwargs)
        with self.name_scope():
            self.encoder = nn.Dense(hidden, activation='tanh')
            self.hidden = nn.Dense(hidden, in_units=hidden)
            self.output = nn.Dense(1)

    def forward(self, x):
        h = self.encoder(x)
        steps = 1 if h.norm().asscalar() < 2.0 else 2
        for _ in range(steps):
            h = nd.relu(self.hidden(h)) + h
        if x.shape[0] > 1:
            h = h - h.mean(axis=0, keepdims=True)
        return self.output(h)


mx.random.seed(3)
net = GatedNet(8, prefix='gated_')
print(net)
net.initialize(mx.init.Uniform(0.3))
print(net.collect_params())
print(net.collect_params('.*weight'))

rs = np.random.RandomState(5)
x = nd.array(rs.uniform(-1, 1, size=(10, 3)))
y = nd.array(x.asnumpy().sum(axis=1, keepdims=True) ** 2)
print('first output', net(x[:1]), net(x[:3]).reshape((-1,)))
for name, p in net.collect_params().items():
    print(name, p.shape, p.dtype, p.grad_req)

loss_fn = gluon.loss.L2Loss()
trainer = gluon.Trainer(net.collect_params(), 'sgd', {'learning_rate': 0.05})
for step in range(8):
    with autograd.record():
        loss = loss_fn(net(x), y)
    loss.backward()
    trainer.step(x.shape[0])
    if step % 2 == 1:
        print('step %d loss %.5f' % (step, loss.mean().asscalar()))

grad = net.hidden.weight.grad()
print('hidden grad norm %.5f' % grad.norm().asscalar())
print('encoder bias', net.encoder.bias.data())
net.hidden.weight.grad_req = 'null'
print([(k, v.grad_req) for k, v in net.collect_params('.*dense1.*').items()])
