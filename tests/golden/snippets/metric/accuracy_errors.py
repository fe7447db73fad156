import mxnet as mx
from mxnet import nd

def check(f):
    try:
        print(f())
    except Exception as e:
        m = str(e).split('MXNetError: ')[-1]
        m = m.split('\n', 2)[-1] if m.startswith('Traceback') else m
        print('!! CAUGHT %s: %s' % (type(e).__name__, m.strip().replace('\n', ' | ')))

m = mx.metric.Accuracy()
check(lambda: m.update([nd.array([0, 1])], [nd.array([[1, 0], [0, 1]]), nd.array([[1, 0], [0, 1]])]))
check(lambda: m.update([nd.array([0, 1, 1])], [nd.array([[1, 0], [0, 1]])]))
check(lambda: m.update(nd.array([0, 1, 1]), [nd.array([[1, 0], [0, 1]])]))
check(lambda: mx.metric.check_label_shapes([1, 2], [1]))
check(lambda: mx.metric.check_label_shapes(nd.ones((2, 3)), nd.ones((2, 2)), shape=True))
print(mx.metric.check_label_shapes(nd.ones((2,)), nd.ones((2,)), wrap=True))
print(mx.metric.check_label_shapes([1, 2], [3, 4], shape=False))
check(lambda: mx.metric.MAE().update([nd.ones(2)], [nd.ones(2), nd.ones(2)]))
check(lambda: mx.metric.F1().update([nd.array([0, 1, 2])], [nd.array([[1, 0], [0, 1], [1, 0]])]))
check(lambda: mx.metric.MCC().update([nd.array([0, 1, 2])], [nd.array([[1, 0], [0, 1], [1, 0]])]))
check(lambda: mx.metric.F1().update([nd.array([0, 1])], [nd.array([[1, 0], [0, 1], [1, 0]])]))
check(lambda: mx.metric.TopKAccuracy(top_k=1))
check(lambda: mx.metric.TopKAccuracy(top_k=2).update([nd.array([0])], [nd.ones((1, 2, 2))]))
check(lambda: mx.metric.CrossEntropy().update([nd.array([0, 1])], [nd.ones((3, 2))]))
check(lambda: mx.metric.NegativeLogLikelihood().update([nd.array([0, 1])], [nd.ones((3, 2))]))
check(lambda: mx.metric.Perplexity(None).update([nd.array([0, 1])], [nd.ones((3, 2))]))
check(lambda: mx.metric.Perplexity(None).update([nd.array([0, 1])], [nd.ones((2, 2)), nd.ones((2, 2))]))
check(lambda: mx.metric.PearsonCorrelation().update([nd.array([0, 1])], [nd.ones((2, 1))]))
check(lambda: mx.metric.EvalMetric('x').update([], []))
check(lambda: mx.metric.CustomMetric(lambda l, p: 1.0).update([nd.ones(2)], [nd.ones(2), nd.ones(2)]))
