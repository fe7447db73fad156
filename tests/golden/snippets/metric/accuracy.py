import mxnet as mx
from mxnet import nd
m = mx.metric.Accuracy()
print(m, m.name, m.axis, m.num_inst, m.sum_metric, m.get())
pred = nd.array([[0.3, 0.7], [0.6, 0.4], [0.1, 0.9], [0.8, 0.2]])
label = nd.array([1, 1, 1, 0])
m.update([label], [pred])
print(m.get(), m.num_inst, m.sum_metric)
m.update(label, pred)  # single NDArrays are accepted
print(m.get(), m.get_global(), m.get_name_value(), m.get_global_name_value())
m.reset_local()
print(m.get(), m.get_global(), m.global_num_inst, m.global_sum_metric)
m.update([nd.array([2, 0])], [nd.array([[0.1, 0.2, 0.7], [0.9, 0.05, 0.05]])])
print(m.get(), m.get_global())
print(str(m))
m.reset()
print(m.get(), m.get_global())
# predictions already as class indices (same shape as the label)
m.update([nd.array([1, 2, 3])], [nd.array([1.0, 2.9, 3.0])])
print(m.get())
# label as a column, preds with class axis
m.reset()
m.update([nd.array([[1], [0]])], [nd.array([[0.2, 0.8], [0.4, 0.6]])])
print(m.get())
# axis argument
m = mx.metric.Accuracy(axis=0, name='acc0')
m.update([nd.array([0, 1, 1])], [nd.array([[0.9, 0.1, 0.2], [0.1, 0.9, 0.8]])])
print(m.get(), m.get_config())
# several outputs at once
m = mx.metric.Accuracy()
m.update([nd.array([0, 1]), nd.array([1, 1])], [nd.array([[1, 0], [0, 1]]), nd.array([[1, 0], [1, 0]])])
print(m.get(), m.num_inst)
# 3-d predictions: argmax over axis 1
m = mx.metric.Accuracy()
m.update([nd.array([[0, 1], [1, 1]])], [nd.array([[[0.9, 0.1], [0.1, 0.9]], [[0.3, 0.2], [0.7, 0.8]]])])
print(m.get())
