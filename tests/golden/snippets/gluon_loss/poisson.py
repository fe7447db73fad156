# PoissonNLLLoss: log-rate or rate inputs, Stirling term, epsilon; returns the mean (1,)
from mxnet import nd, gluon
L = gluon.loss
pred = nd.array([[0.5, 1.0, 2.0], [0.1, 3.0, 1.5]])
target = nd.array([[1.0, 0.0, 3.0], [2.0, 5.0, 1.0]])
print(L.PoissonNLLLoss()(pred, target))
print(L.PoissonNLLLoss(from_logits=False)(pred, target))
print(L.PoissonNLLLoss(from_logits=False)(pred, target, None, 0.5))
print(L.PoissonNLLLoss(compute_full=True)(pred, target + 1))
print(L.PoissonNLLLoss(compute_full=True)(pred, target))
print(L.PoissonNLLLoss(weight=2.0)(pred, target.reshape((6,)), nd.array([[1.0], [0.0]])))
