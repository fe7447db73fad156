import mxnet as mx
import numpy as np
from mxnet import nd
# formula-built inputs: 6 batches of 16 samples, 5 classes
metrics = [mx.metric.create(n) for n in ('acc', 'ce', 'nll_loss', 'mae', 'mse', 'rmse', 'loss')]
metrics += [mx.metric.TopKAccuracy(top_k=3), mx.metric.Perplexity(ignore_label=2),
            mx.metric.PearsonCorrelation(), mx.metric.PearsonCorrelation(average='micro'),
            mx.metric.PCC()]
binary = [mx.metric.F1(), mx.metric.F1(average='micro'), mx.metric.MCC(), mx.metric.MCC(average='micro')]
for b in range(6):
    i = np.arange(16 * 5, dtype=np.float64) + b * 80
    logits = np.sin(i * 0.37).reshape(16, 5) * 3
    prob = np.exp(logits) / np.exp(logits).sum(axis=1, keepdims=True)
    label = (np.arange(16) * 7 + b) % 5
    p, l = nd.array(prob), nd.array(label)
    for m in metrics:
        if isinstance(m, (mx.metric.MAE, mx.metric.MSE, mx.metric.RMSE, mx.metric.PearsonCorrelation)):
            m.update([l], [nd.array(prob.argmax(axis=1) + prob.max(axis=1))])
        else:
            m.update([l], [p])
    bl = nd.array(label % 2)
    bp = nd.array(np.stack([prob[:, 0], 1 - prob[:, 0]], axis=1))
    for m in binary:
        m.update([bl], [bp])
    if b == 3:
        for m in metrics + binary:
            m.reset_local()
for m in metrics + binary:
    name, value = m.get()
    gname, gvalue = m.get_global()
    print(type(m).__name__, name, '%.10g' % value, '%.10g' % gvalue, m.num_inst, m.global_num_inst)
