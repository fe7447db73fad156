import mxnet as mx
import numpy as np
from mxnet import nd
for name in ('loss', 'torch', 'caffe'):
    m = mx.metric.create(name)
    m.update(None, nd.array([1.0, 2.0, 3.0]))
    m.update([nd.ones(1)], [nd.array([[4.0, 0.5]]), nd.array([0.5])])
    print(m.name, m.get(), m.num_inst, m.get_global(), type(m).__name__)

def my_acc(label, pred):
    return (pred.argmax(axis=1) == label).sum(), label.shape[0]

m = mx.metric.CustomMetric(my_acc)
print(m.name, m.get())
m.update([nd.array([0, 1])], [nd.array([[0.9, 0.1], [0.8, 0.2]])])
m.update([nd.array([1])], [nd.array([[0.1, 0.9]])])
print(m.get(), m.num_inst, m.get_global())
try:
    m.get_config()
except NotImplementedError as e:
    print('NotImplementedError', e)
m = mx.metric.CustomMetric(lambda l, p: float(np.abs(l - p).max()))
print(m.name)
m.update([nd.array([1, 2]), nd.array([0])], [nd.array([1.5, 4]), nd.array([3])])
print(m.get(), m.num_inst)
m = mx.metric.CustomMetric(lambda l, p: 1.0, name='ones', allow_extra_outputs=True)
m.update([nd.ones(2)], [nd.ones(2), nd.ones(3)])
print(m.get(), m.num_inst)

def mse_fn(label, pred):
    return ((label - pred) ** 2).mean()

m = mx.metric.np(mse_fn)
print(m.name, type(m).__name__)
m.update([nd.array([1, 2])], [nd.array([1, 4])])
print(m.get())
m = mx.metric.np(lambda l, p: 0.5, name='half')
m.update([nd.ones(1)], [nd.ones(1)])
print(m.name, m.get())
m = mx.metric.create(mse_fn)
print(m.name, type(m).__name__)
m = mx.metric.create(mse_fn, 'named')
print(m.name)
