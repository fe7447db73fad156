# repr of every loss, with defaults and with options; the aliases are the same classes
import mxnet as mx
from mxnet import gluon
L = gluon.loss
losses = [L.L2Loss(), L.L2Loss(weight=0.5, batch_axis=1), L.L1Loss(), L.L1Loss(weight=2),
          L.SigmoidBinaryCrossEntropyLoss(), L.SigmoidBCELoss(from_sigmoid=True, weight=3.0),
          L.SoftmaxCrossEntropyLoss(), L.SoftmaxCELoss(axis=1, batch_axis=1),
          L.KLDivLoss(), L.CTCLoss(), L.CTCLoss(layout='TNC', label_layout='TN', weight=0.1),
          L.HuberLoss(rho=2), L.HingeLoss(margin=2), L.SquaredHingeLoss(),
          L.LogisticLoss(label_format='binary'), L.TripletLoss(margin=0.5),
          L.PoissonNLLLoss(compute_full=True), L.CosineEmbeddingLoss(margin=0.3), L.SDMLLoss()]
for l in losses:
    print(l)
print(L.SigmoidBCELoss is L.SigmoidBinaryCrossEntropyLoss, L.SoftmaxCELoss is L.SoftmaxCrossEntropyLoss)
print(isinstance(L.L2Loss(), gluon.HybridBlock), isinstance(L.L2Loss(), L.Loss))
print(sorted(L.__all__))
with mx.name.NameManager():
    print(L.L2Loss().name, L.L2Loss().name, L.CTCLoss().name, L.SigmoidBCELoss().prefix)
