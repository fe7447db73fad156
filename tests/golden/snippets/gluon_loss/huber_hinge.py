# HuberLoss (rho), HingeLoss and SquaredHingeLoss (margin)
from mxnet import nd, gluon
L = gluon.loss
pred = nd.array([[0.5, -1.0, 2.0, 0.0], [3.0, 0.2, -0.5, 1.0]])
label = nd.array([[1.0, 1.0, -1.0, 1.0], [-1.0, 1.0, -1.0, 1.0]])
for loss in (L.HuberLoss(), L.HuberLoss(rho=2), L.HuberLoss(rho=0.25, weight=4.0),
             L.HingeLoss(), L.HingeLoss(margin=2), L.SquaredHingeLoss(),
             L.SquaredHingeLoss(margin=0.5, weight=2.0)):
    print(loss)
    print(loss(pred, label))
    print(loss(pred, label.reshape((8,)), nd.array([[1.0], [3.0]])))
    print(loss(pred.reshape((2, 2, 2)), label.reshape((2, 2, 2))))
