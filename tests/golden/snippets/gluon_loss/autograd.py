# gradients of the losses with respect to pred (recorded, backward); rounded, as MXNet's
# CPU log_softmax is accurate to ~3e-6 only
from mxnet import nd, gluon, autograd
L = gluon.loss
pred = nd.array([[0.5, -1.3, 2.0], [3.0, 0.2, -0.5]])   # no ties at kinks
label = nd.array([[1.0, 0.0, 1.0], [0.0, 1.0, 1.0]])
cases = [(L.L2Loss(), (label,)), (L.L1Loss(), (label,)), (L.SigmoidBCELoss(), (label,)),
         (L.SigmoidBCELoss(), (label, None, nd.array([2.0, 1.0, 0.5]))),
         (L.SoftmaxCELoss(), (nd.array([2, 0]),)), (L.SoftmaxCELoss(sparse_label=False), (label / 2,)),
         (L.KLDivLoss(from_logits=False), (label / 2,)), (L.HuberLoss(), (label,)),
         (L.HingeLoss(), (label * 2 - 1,)), (L.SquaredHingeLoss(), (label * 2 - 1,)),
         (L.LogisticLoss(), (label * 2 - 1,)), (L.TripletLoss(margin=0.7), (label, label * 2)),
         (L.PoissonNLLLoss(), (label,)), (L.CosineEmbeddingLoss(), (label, nd.array([1, -1]))),
         (L.L2Loss(weight=3.0), (label, nd.array([[1.0], [2.0]])))]
for hyb in (False, True):
    for loss, rest in cases:
        if hyb:
            loss.hybridize()
        x = pred.copy()
        x.attach_grad()
        with autograd.record():
            out = loss(x, *rest)
        out.backward()
        print(type(loss).__name__, x.grad.asnumpy().round(4).tolist())
x = nd.sin(nd.arange(2 * 4 * 3).reshape((2, 4, 3)))
x.attach_grad()
with autograd.record():
    out = L.CTCLoss()(x, nd.array([[0, 1], [1, -1]]))
out.backward()
print(out)
print(x.grad)
