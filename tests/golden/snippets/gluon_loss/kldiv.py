# KLDivLoss: log-probabilities or logits, axis, weights (summed over the non-batch axes)
import numpy as np
from mxnet import nd, gluon
L = gluon.loss
label = nd.array([[0.2, 0.3, 0.5], [0.0, 1.0, 0.0]])
logp = nd.array(np.log([[0.1, 0.6, 0.3], [0.25, 0.5, 0.25]]))
print(L.KLDivLoss()(logp, label))
print(L.KLDivLoss(weight=2.0)(logp, label, nd.array([[1.0], [0.5]])))
print(L.KLDivLoss(batch_axis=1)(logp, label))
print(L.KLDivLoss()(logp.reshape((2, 3, 1)), label.reshape((2, 3, 1))))
# logits: MXNet's CPU log_softmax is accurate to ~3e-6 only, so these are rounded
pred = nd.array([[1.0, 2.0, 0.5], [0.0, 3.0, -1.0]])
print(L.KLDivLoss(from_logits=False)(pred, label).asnumpy().round(4).tolist())
print(L.KLDivLoss(from_logits=False, axis=0)(pred, label).asnumpy().round(4).tolist())
