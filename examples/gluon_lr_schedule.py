# A legacy MXNet 1.x Gluon program, unchanged: learning-rate schedules with a Trainer
# (FactorScheduler, MultiFactorScheduler, manual set_learning_rate).
# Run it with:  python -m mxcompat examples/gluon_lr_schedule.py
# mxcompat-env: MXCOMPAT_RANDOM=mxnet
import numpy as np
import mxnet as mx
from mxnet import autograd, gluon, nd
from mxnet.gluon import nn

mx.random.seed(5)
rs = np.random.RandomState(6)
X = nd.array(rs.uniform(-1, 1, size=(40, 3)))
Y = nd.dot(X, nd.array([[1.5], [-2.0], [0.5]])) + 0.3

net = nn.Dense(1)
net.initialize(mx.init.Normal(0.1))
schedule = mx.lr_scheduler.FactorScheduler(step=4, factor=0.5, stop_factor_lr=0.01)
schedule.base_lr = 0.4
trainer = gluon.Trainer(net.collect_params(), 'sgd',
                        {'learning_rate': 0.4, 'lr_scheduler': schedule, 'momentum': 0.5})
print('initial lr', trainer.learning_rate)
loss_fn = gluon.loss.L2Loss()
for step in range(1, 21):
    with autograd.record():
        loss = loss_fn(net(X), Y)
    loss.backward()
    trainer.step(X.shape[0])
    if step % 2 == 0:
        print('step %2d lr %.4f loss %.6f' % (step, trainer.learning_rate,
                                              loss.mean().asscalar()))
print('weight', net.weight.data())
print('bias', net.bias.data())

# the scheduler itself, as a function of the update count
multi = mx.lr_scheduler.MultiFactorScheduler(step=[3, 6, 9], factor=0.1, base_lr=1.0)
print('multi', ['%g' % multi(n) for n in range(0, 12)])
poly = mx.lr_scheduler.PolyScheduler(max_update=10, base_lr=0.1, pwr=2, final_lr=0.01)
print('poly', ['%.5f' % poly(n) for n in range(0, 12, 2)])
cosine = mx.lr_scheduler.CosineScheduler(max_update=8, base_lr=0.2, final_lr=0.0,
                                         warmup_steps=2, warmup_begin_lr=0.05)
print('cosine', ['%.5f' % cosine(n) for n in range(0, 10)])

# manual control: no scheduler, set_learning_rate between epochs
trainer2 = gluon.Trainer(net.collect_params(), 'sgd', {'learning_rate': 0.1})
for epoch in range(3):
    with autograd.record():
        loss = loss_fn(net(X), Y)
    loss.backward()
    trainer2.step(X.shape[0])
    print('epoch %d lr %.3f loss %.6f' % (epoch, trainer2.learning_rate,
                                          loss.mean().asscalar()))
    trainer2.set_learning_rate(trainer2.learning_rate * 0.5)
try:
    trainer.set_learning_rate(0.1)
except UserWarning as w:
    print('UserWarning:', w)
print('optimizer', type(trainer2._optimizer).__name__, trainer2._optimizer.lr)
