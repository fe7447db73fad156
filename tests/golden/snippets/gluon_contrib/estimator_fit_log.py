import logging
import re
import mxnet as mx
from mxnet import nd, gluon
from mxnet.gluon import nn
from mxnet.gluon.contrib.estimator import Estimator


class Masked(logging.Formatter):
    def format(self, record):
        return re.sub(r'\d+(\.\d+)?s\b', 'Ts', super().format(record))


n = 40
x = nd.stack(nd.arange(n) / n, (nd.arange(n) % 7) / 7.0, axis=1)
y = ((x[:, 0] + x[:, 1]) > 0.8)
train = gluon.data.DataLoader(gluon.data.ArrayDataset(x, y), batch_size=8)
val = gluon.data.DataLoader(gluon.data.ArrayDataset(x[:16], y[:16]), batch_size=5)

net = nn.HybridSequential()
with net.name_scope():
    net.add(nn.Dense(4, activation='relu'), nn.Dense(2))
net.initialize(mx.init.Constant(0.1))
net[0].weight.set_data(nd.array([[1, -1], [0.5, 0.5], [-1, 1], [0.2, -0.3]]))
net[1].weight.set_data(nd.array([[0.3, -0.2, 0.1, 0.4], [-0.3, 0.6, 0.2, -0.1]]))
net.hybridize()
loss = gluon.loss.SoftmaxCrossEntropyLoss()
trainer = gluon.Trainer(net.collect_params(), 'sgd', {'learning_rate': 0.5})
est = Estimator(net, loss=loss, trainer=trainer, context=mx.cpu())
est.logger.handlers[0].setFormatter(Masked())
print([m.name for m in est.train_metrics], [m.name for m in est.val_metrics])
est.fit(train_data=train, val_data=val, epochs=3)
for m in est.train_metrics + est.val_metrics:
    print(m.get())
print(net[1].weight.data())
est.evaluate(val)
