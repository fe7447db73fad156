# SigmoidBinaryCrossEntropyLoss: logits (stable for large values), probabilities, pos_weight
from mxnet import nd, gluon
L = gluon.loss
pred = nd.array([[-100.0, -2.0, 0.0], [0.5, 3.0, 100.0]])
label = nd.array([[0.0, 1.0, 1.0], [0.0, 1.0, 1.0]])
print(L.SigmoidBinaryCrossEntropyLoss()(pred, label))
print(L.SigmoidBCELoss(weight=2.0)(pred, label, nd.array([[1.0], [0.25]])))
print(L.SigmoidBCELoss()(pred, label, None, nd.array([2.0, 0.5, 1.0])))
print(L.SigmoidBCELoss()(pred, label, None, nd.array([[3.0, 1.0, 0.5], [1.0, 2.0, 4.0]])))
prob = nd.array([[0.1, 0.9, 0.5], [0.0, 1.0, 0.3]])
print(L.SigmoidBCELoss(from_sigmoid=True)(prob, label))
print(L.SigmoidBCELoss(from_sigmoid=True)(prob, label, None, nd.array([2.0, 0.5, 1.0])))
print(L.SigmoidBCELoss(from_sigmoid=True, batch_axis=1)(prob, label))
soft = nd.array([[0.2, 0.7, 0.5], [0.9, 0.1, 0.4]])
print(L.SigmoidBCELoss()(pred / 50, soft))
print(L.SigmoidBCELoss()(nd.arange(8).reshape((2, 2, 2)) - 4, nd.ones((2, 4))))
