import mxnet as mx
from mxnet import nd
pred = nd.array([[0.2, 0.5, 0.3], [0.7, 0.1, 0.2], [0.0, 0.0, 1.0]])
label = nd.array([1, 0, 2])
for name in ('ce', 'nll_loss'):
    m = mx.metric.create(name)
    print(m.name, m.eps, m.get())
    m.update([label], [pred])
    print(m.get(), m.num_inst)
    m.update([nd.array([[2], [1]])], [nd.array([[0.1, 0.1, 0.8], [0.0, 0.5, 0.5]])])
    print(m.get(), m.num_inst, m.get_global())
    print(m.get_config())
m = mx.metric.CrossEntropy(eps=0.5)
m.update([nd.array([0])], [nd.array([[0.5, 0.5]])])
print(m.get())
m = mx.metric.NegativeLogLikelihood(eps=0.0)
m.update([nd.array([0])], [nd.array([[0.0, 1.0]])])
print(m.get())
p = mx.metric.Perplexity(ignore_label=None)
print(p.name, p.axis, p.ignore_label, p.get())
p.update([label], [pred])
print(p.get(), p.num_inst, p.sum_metric)
p = mx.metric.Perplexity(ignore_label=0)
p.update([label], [pred])
print(p.get(), p.num_inst)
p.update([nd.array([0, 0])], [nd.array([[0.5, 0.5], [0.25, 0.75]])])
print(p.get(), p.num_inst, p.get_global())
p.reset_local()
print(p.get(), p.get_global())
p = mx.metric.create('perplexity', -1, axis=-1)
print(p.get_config())
try:
    p.update([nd.array([[1, 0], [2, 2]])],
             [nd.array([[[0.2, 0.8, 0.0], [0.5, 0.25, 0.25]], [[0.1, 0.1, 0.8], [0.3, 0.3, 0.4]]])])
except mx.base.MXNetError as e:
    print('MXNetError', str(e).split('MXNetError: ')[-1].strip()[:60])
p.update([nd.array([1, 0])], [nd.array([[0.2, 0.8, 0.0], [0.5, 0.25, 0.25]])])
try:
    p.update(nd.array([[1, 0], [2, -1]]), nd.array([[0.2, 0.8, 0.0], [0.5, 0.25, 0.25]]))
except AssertionError as e:
    print('AssertionError', e)
print(p.get(), p.num_inst)
p = mx.metric.Perplexity(None)
p.update([nd.array([5, -1])], [nd.array([[0.2, 0.8], [0.6, 0.4]])])  # labels clipped
print(p.get())
