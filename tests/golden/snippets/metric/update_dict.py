import mxnet as mx
from collections import OrderedDict
from mxnet import nd
preds = OrderedDict([('out1', nd.array([[0.2, 0.8], [0.9, 0.1]])), ('out2', nd.array([[0.6, 0.4], [0.3, 0.7]]))])
labels = OrderedDict([('lab1', nd.array([1, 0])), ('lab2', nd.array([1, 1]))])
m = mx.metric.Accuracy(output_names=['out2'], label_names=['lab2'])
m.update_dict(labels, preds)
print(m.get(), m.num_inst)
m = mx.metric.Accuracy()
m.update_dict(labels, preds)
print(m.get(), m.num_inst)
c = mx.metric.CompositeEvalMetric(output_names=['out1'], label_names=['lab1'])
c.add(mx.metric.Accuracy())
c.add(mx.metric.Accuracy(output_names=['out1'], label_names=['lab1'], name='a2'))
c.update_dict(labels, preds)
print(c.get())
try:
    mx.metric.Accuracy(output_names=['nope']).update_dict(labels, preds)
except KeyError as e:
    print('KeyError', e)
