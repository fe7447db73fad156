# SDMLLoss on a batch of aligned pairs (rounded: MXNet's CPU log_softmax is accurate to
# ~3e-6 only)
from mxnet import nd, gluon
L = gluon.loss
x1 = nd.array([[1.0, 0.0], [0.0, 1.0], [0.5, 0.5], [1.0, 1.0]])
x2 = nd.array([[0.9, 0.1], [0.1, 0.8], [0.4, 0.6], [1.2, 0.9]])
out = L.SDMLLoss()(x1, x2)
print(out.shape, out.dtype, out.context)
print(out.asnumpy().round(4).tolist())
print(L.SDMLLoss(smoothing_parameter=0.1, weight=2.0)(x1, x2).asnumpy().round(4).tolist())
print(L.SDMLLoss())
