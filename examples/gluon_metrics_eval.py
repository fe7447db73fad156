# A legacy MXNet 1.x Gluon program, unchanged: training with several metrics and an
# evaluation loop in predict mode.  Run it with:
#   python -m mxcompat examples/gluon_metrics_eval.py
# mxcompat-env: MXCOMPAT_RANDOM=mxnet
import numpy as np
import mxnet as mx
from mxnet import autograd, gluon, nd
from mxnet.gluon import nn

mx.random.seed(8)
rs = np.random.RandomState(10)
X = rs.normal(size=(80, 5)).astype('float32')
y = ((X[:, 0] + 0.5 * X[:, 1] - X[:, 2] ** 2 + 0.3 * rs.normal(size=80)) > -0.5)
y = y.astype('float32')
train_data = gluon.data.DataLoader(gluon.data.ArrayDataset(X[:60], y[:60]), batch_size=15)
val_data = gluon.data.DataLoader(gluon.data.ArrayDataset(X[60:], y[60:]), batch_size=10)

net = nn.HybridSequential()
net.add(nn.Dense(16, activation='relu'), nn.Dense(8, activation='tanh'), nn.Dense(2))
net.initialize(mx.init.Xavier())
net.hybridize()
loss_fn = gluon.loss.SoftmaxCrossEntropyLoss()
trainer = gluon.Trainer(net.collect_params(), 'rmsprop', {'learning_rate': 0.01})


def evaluate(net, data_iter):
    metrics = mx.metric.create(['acc', 'f1', 'ce', mx.metric.TopKAccuracy(top_k=2)])
    loss_metric = mx.metric.Loss()
    with autograd.predict_mode():
        for data, label in data_iter:
            out = net(data)
            metrics.update([label], [nd.softmax(out)])
            loss_metric.update(None, [loss_fn(out, label)])
    return metrics.get_name_value() + loss_metric.get_name_value()


print('before', ['%s=%.4f' % nv for nv in evaluate(net, val_data)])
train_metric = mx.metric.CompositeEvalMetric()
train_metric.add(mx.metric.Accuracy())
train_metric.add(mx.metric.MSE())
for epoch in range(3):
    train_metric.reset()
    for data, label in train_data:
        with autograd.record():
            out = net(data)
            loss = loss_fn(out, label)
        loss.backward()
        trainer.step(data.shape[0])
    with autograd.predict_mode():   # train metrics from the deterministic forward
        for data, label in train_data:
            probs = nd.softmax(net(data))
            train_metric.update([label], [probs])
    print('epoch', epoch, ' '.join('%s=%.4f' % nv for nv in train_metric.get_name_value()))
    print('  val', ' '.join('%s=%.4f' % nv for nv in evaluate(net, val_data)))

# metrics on hand-made predictions
labels = nd.array([0, 1, 1, 0, 1])
preds = nd.array([[0.8, 0.2], [0.3, 0.7], [0.6, 0.4], [0.1, 0.9], [0.2, 0.8]])
for m in ['acc', 'f1', 'mcc', 'ce', 'nll_loss', mx.metric.Perplexity(ignore_label=None)]:
    metric = mx.metric.create(m)
    metric.update([labels], [preds])
    print(metric.get())
rmse = mx.metric.RMSE()
rmse.update([nd.array([1.0, 2.0, 3.0])], [nd.array([1.5, 2.0, 2.0])])
print(rmse, rmse.get())
custom = mx.metric.np(lambda label, pred: np.abs(label - pred.argmax(axis=1)).mean(),
                      name='error_rate')
custom.update([labels], [preds])
print(custom.get())
print(mx.metric.create('acc'), mx.metric.Accuracy().name)
