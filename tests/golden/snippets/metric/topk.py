import mxnet as mx
from mxnet import nd
m = mx.metric.TopKAccuracy(top_k=2)
print(m.name, m.top_k, m.get())
pred = nd.array([[0.1, 0.5, 0.4], [0.7, 0.2, 0.1], [0.3, 0.3, 0.4], [0.2, 0.5, 0.3]])
label = nd.array([2, 1, 0, 0])
m.update([label], [pred])
print(m.get(), m.num_inst, m.sum_metric)
m.update([nd.array([0, 3])], [nd.array([[0.1, 0.2, 0.3, 0.4], [0.4, 0.3, 0.2, 0.1]])])
print(m.get(), m.get_global())
m = mx.metric.create('top_k_accuracy', top_k=3)
m.update([label], [pred])
print(m.name, m.get())
m = mx.metric.TopKAccuracy(top_k=5)  # more than the classes: all correct
m.update([label], [pred])
print(m.get(), m.get_config())
m = mx.metric.create('top_k_acc', top_k=2, name='t')
print(m.name)
