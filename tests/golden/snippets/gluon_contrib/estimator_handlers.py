import logging
import os
import re
import tempfile
import mxnet as mx
from mxnet import nd, gluon
from mxnet.gluon import nn
from mxnet.gluon.contrib.estimator import (Estimator, LoggingHandler, EarlyStoppingHandler,
                                          CheckpointHandler, ValidationHandler)


class Masked(logging.Formatter):
    def format(self, record):
        msg = super().format(record)
        msg = re.sub(r'at \S+ with prefix', 'at DIR with prefix', msg)
        msg = re.sub(r'as \S+symbol\.json', 'as DIR/symbol.json', msg)
        return re.sub(r'\d+(\.\d+)?s\b', 'Ts', msg)


x = nd.arange(60).reshape((30, 2)) / 60.0
y = x[:, 0] * 2 - x[:, 1] + 0.5
train = gluon.data.DataLoader(gluon.data.ArrayDataset(x, y), batch_size=6)
val = gluon.data.DataLoader(gluon.data.ArrayDataset(x[:12], y[:12]), batch_size=6)
net = nn.Dense(1)
net.initialize(mx.init.Constant(0.2))
trainer = gluon.Trainer(net.collect_params(), 'sgd', {'learning_rate': 0.1})
est = Estimator(net, loss=gluon.loss.L2Loss(), train_metrics=mx.metric.MAE(),
                trainer=trainer)
est.logger.handlers[0].setFormatter(Masked())
print([m.name for m in est.train_metrics], [m.name for m in est.val_metrics])
d = tempfile.mkdtemp()
ckpt = CheckpointHandler(d, model_prefix='m', monitor=est.val_metrics[0], verbose=1,
                         save_best=True, mode='min', epoch_period=2, max_checkpoints=2)
early = EarlyStoppingHandler(monitor=est.val_metrics[0], mode='min', patience=1,
                             min_delta=0.5)
handlers = [LoggingHandler(log_interval=2, metrics=est.train_metrics), ckpt, early,
            ValidationHandler(val, est.evaluate, batch_period=3, epoch_period=None)]
est.fit(train, val_data=val, event_handlers=handlers, epochs=6)
print(sorted(os.listdir(d)))
print(net.weight.data(), net.bias.data())
est.fit(train, batches=7)
try:
    est.fit(train, epochs=1, batches=2)
except ValueError as e:
    print('!! CAUGHT ValueError:', e)
try:
    est.fit([1, 2], epochs=1)
except ValueError as e:
    print('!! CAUGHT ValueError:', e)
try:
    Estimator(net, loss='l2')
except ValueError as e:
    print('!! CAUGHT ValueError:', e)
try:
    LoggingHandler(log_interval='batch')
except ValueError as e:
    print('!! CAUGHT ValueError:', e)
try:
    EarlyStoppingHandler(monitor=None)
except ValueError as e:
    print('!! CAUGHT ValueError:', e)
try:
    est.fit(train, epochs=1, event_handlers=[LoggingHandler(metrics=mx.metric.MAE())])
except ValueError as e:
    print('!! CAUGHT ValueError:', re.sub(r' at 0x[0-9a-f]+', '', str(e)))
Estimator(net, loss=gluon.loss.L2Loss())
