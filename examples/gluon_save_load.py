# A legacy MXNet 1.x Gluon program, unchanged: checkpoint parameters and optimizer state,
# restore them into a fresh network and trainer, and continue training identically.
# Run it with:  python -m mxcompat examples/gluon_save_load.py
# mxcompat-env: MXCOMPAT_RANDOM=mxnet
import os
import numpy as np
import mxnet as mx
from mxnet import autograd, gluon, nd
from mxnet.gluon import nn


def build():
    net = nn.HybridSequential()
    with net.name_scope():
        net.add(nn.Dense(10, activation='relu'), nn.BatchNorm(), nn.Dense(1))
    return net


def train(net, trainer, steps):
    losses = []
    for _ in range(steps):
        with autograd.record():
            loss = gluon.loss.L2Loss()(net(X), Y)
        loss.backward()
        trainer.step(X.shape[0])
        losses.append(loss.mean().asscalar())
    return losses


mx.random.seed(2)
rs = np.random.RandomState(3)
X = nd.array(rs.normal(size=(32, 5)))
Y = nd.array(rs.normal(size=(32, 1)) + X.asnumpy()[:, :1] * 2)

net = build()
net.initialize(mx.init.Normal(0.5))
net.hybridize()
trainer = gluon.Trainer(net.collect_params(), 'adam', {'learning_rate': 0.01})
print('first losses', ['%.5f' % l for l in train(net, trainer, 4)])

net.save_parameters('model.params')
trainer.save_states('trainer.states')
print('files', sorted(f for f in os.listdir('.') if f.endswith(('.params', '.states'))))
saved = nd.load('model.params')
print('saved keys', sorted(saved))
print('saved shapes', [saved[k].shape for k in sorted(saved)])

# continue the original
reference = train(net, trainer, 3)

# a fresh network with a different prefix restores from the file by structure
fresh = build()
fresh.load_parameters('model.params', ctx=mx.cpu())
fresh.hybridize()
print(fresh)
print('running_mean restored', np.allclose(fresh[1].running_mean.data().asnumpy(),
                                           saved['1.running_mean'].asnumpy()))
fresh_trainer = gluon.Trainer(fresh.collect_params(), 'adam', {'learning_rate': 0.01})
fresh_trainer.load_states('trainer.states')
print('restored lr', fresh_trainer.learning_rate)
resumed = train(fresh, fresh_trainer, 3)
print('reference', ['%.5f' % l for l in reference])
print('resumed  ', ['%.5f' % l for l in resumed])
print('identical', np.allclose(reference, resumed, rtol=1e-6))
for (k1, p1), (k2, p2) in zip(net.collect_params().items(), fresh.collect_params().items()):
    print(k1, k2, 'match', np.allclose(p1.data().asnumpy(), p2.data().asnumpy(), atol=1e-6))

# partial loading: extra parameters in the file need ignore_extra
small = nn.HybridSequential()
small.add(nn.Dense(10, activation='relu'))
try:
    small.load_parameters('model.params')
except ValueError as e:
    print('ValueError:', e)
small.load_parameters('model.params', ignore_extra=True)
print('small weight equal', (small[0].weight.data() == saved['0.weight']).min().asscalar())
