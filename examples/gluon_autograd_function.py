# A legacy MXNet 1.x Gluon program, unchanged: a custom autograd.Function with its own
# backward used inside a network, autograd.grad, and head gradients.
# Run it with:  python -m mxcompat examples/gluon_autograd_function.py
# mxcompat-env: MXCOMPAT_RANDOM=mxnet
import numpy as np
import mxnet as mx
from mxnet import autograd, gluon, nd
from mxnet.gluon import nn


class ClippedSigmoid(autograd.Function):
    """sigmoid forward; backward passes the gradient through clipped to [-0.1, 0.1]."""

    def forward(self, x):
        y = 1 / (1 + nd.exp(-x))
        self.save_for_backward(y)
        return y

    def backward(self, dy):
        y, = self.saved_tensors
        return nd.clip(dy * y * (1 - y), -0.1, 0.1)


class Net(gluon.Block):
    def __init__(self, **kwargs):
        super(Net, self).__init__(**kwargs)
        with self.name_scope():
            self.fc1 = nn.Dense(6, in_units=4)
            self.fc2 = nn.Dense(1, in_units=6)

    def forward(self, x):
        return self.fc2(ClippedSigmoid()(self.fc1(x)))


mx.random.seed(13)
x = nd.array(np.linspace(-2, 2, 20).reshape(5, 4))
y = nd.array([[1.0], [0.0], [2.0], [-1.0], [0.5]])

# the custom function alone: value and clipped gradient
v = nd.array([-3.0, 0.0, 0.5, 4.0])
v.attach_grad()
with autograd.record():
    s = ClippedSigmoid()(v)
s.backward(nd.array([1.0, 1.0, 0.2, -5.0]))
print('sigmoid', s)
print('clipped grad', v.grad)

net = Net()
net.initialize(mx.init.Normal(0.5))
trainer = gluon.Trainer(net.collect_params(), 'sgd', {'learning_rate': 0.5})
for step in range(6):
    with autograd.record():
        loss = gluon.loss.L2Loss()(net(x), y)
    loss.backward()
    trainer.step(5)
    print('step %d loss %.5f fc1 grad norm %.5f' % (
        step, loss.mean().asscalar(), net.fc1.weight.grad().norm().asscalar()))

# autograd.grad: gradient of the output with respect to the input, without touching .grad
xi = x.copy()
xi.attach_grad()
with autograd.record():
    out = net(xi).sum()
dx, = autograd.grad(out, [xi], retain_graph=False)
print('d out / d x', dx.shape, '%.5f' % dx.abs().sum().asscalar())
print('x.grad untouched', xi.grad.abs().sum().asscalar())

# head gradients and grad_req='add' on a plain array
w = nd.array([1.0, 2.0, 3.0])
w.attach_grad(grad_req='add')
for k in range(3):
    with autograd.record():
        z = w * w * (k + 1)
    z.backward(nd.ones(3) * 0.5)
print('accumulated', w.grad)
print('is_recording', autograd.is_recording(), 'is_training', autograd.is_training())
