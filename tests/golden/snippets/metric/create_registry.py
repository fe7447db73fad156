import mxnet as mx
from mxnet import nd
names = ['acc', 'accuracy', 'ce', 'crossentropy', 'f1', 'mae', 'mse', 'rmse', 'mcc', 'pcc',
         'loss', 'nll_loss', 'negativeloglikelihood', 'pearsonr', 'pearsoncorrelation',
         'composite', 'compositeevalmetric', 'torch', 'caffe', 'ACC', 'Accuracy', 'F1']
for n in names:
    m = mx.metric.create(n)
    print(n, type(m).__name__, m.name)
print(mx.metric.create('top_k_accuracy', top_k=3).name, mx.metric.create('topkaccuracy', 4).name)
print(mx.metric.create('perplexity', ignore_label=None).name)
a = mx.metric.Accuracy()
print(mx.metric.create(a) is a)
print(mx.metric.create({'metric': 'acc', 'axis': 0}).axis)
print(mx.metric.create('["mae", {"name": "m2"}]').name)
print(mx.metric.create('{"metric": "mse", "name": "m3"}').name)
print(mx.metric.create('acc', name='x', axis=2).get_config())

def check(f):
    try:
        print(f())
    except Exception as e:
        print('!! CAUGHT %s: %s' % (type(e).__name__, str(e).strip().replace('\n', ' | ')))

check(lambda: mx.metric.create('nope'))
check(lambda: mx.metric.create(a, 1))
check(lambda: mx.metric.create(None))
check(lambda: mx.metric.create(5))
check(lambda: mx.metric.create('perplexity'))

@mx.metric.register
@mx.metric.alias('mymet', 'my_metric')
class MyMetric(mx.metric.EvalMetric):
    def __init__(self, scale=1.0):
        super(MyMetric, self).__init__('mine', scale=scale)
        self.scale = scale

    def update(self, labels, preds):
        for l, p in zip(labels, preds):
            self.sum_metric += float((l - p).abs().sum().asscalar()) * self.scale
            self.num_inst += l.size

m = mx.metric.create('mymet', scale=2.0)
m.update([nd.array([1, 2])], [nd.array([2, 2])])
print(type(m).__name__, m.get(), m.get_global(), m.get_global_name_value(), m.get_config())
print(mx.metric.create('mymetric').name, mx.metric.create('my_metric').scale)
m.reset()
print(m.get(), str(m))
