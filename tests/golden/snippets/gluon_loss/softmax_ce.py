# SoftmaxCrossEntropyLoss: sparse and dense labels, axis, from_logits, weights
from mxnet import nd, gluon
L = gluon.loss
pred = nd.array([[1.0, 2.0, 3.0], [1.0, -1.0, 0.0], [5.0, 5.0, 0.0]])
print(L.SoftmaxCrossEntropyLoss()(pred, nd.array([2, 0, 1])))
print(L.SoftmaxCELoss()(pred, nd.array([[2], [0], [1]])))
print(L.SoftmaxCELoss(weight=0.5)(pred, nd.array([2, 0, 1]), nd.array([[1.0], [2.0], [0.0]])))
dense = nd.array([[0.0, 0.0, 1.0], [0.5, 0.5, 0.0], [0.2, 0.3, 0.5]])
print(L.SoftmaxCELoss(sparse_label=False)(pred, dense))
print(L.SoftmaxCELoss(sparse_label=False)(pred, dense.reshape((9,))))
logp = nd.log_softmax(pred)
print(L.SoftmaxCELoss(from_logits=True)(logp, nd.array([2, 0, 1])))
print(L.SoftmaxCELoss(from_logits=True, sparse_label=False)(logp, dense))
p3 = (nd.arange(24).reshape((2, 3, 4)) % 5) / 2
print(L.SoftmaxCELoss(axis=1)(p3, nd.array([[0, 1, 2, 1], [2, 2, 0, 0]])))
print(L.SoftmaxCELoss()(p3, nd.array([[0, 1, 3], [3, 2, 0]])))
print(L.SoftmaxCELoss(axis=1, batch_axis=2)(p3, nd.array([[0, 1, 2, 1], [2, 2, 0, 0]])))
print(L.SoftmaxCELoss(axis=0, batch_axis=1)(pred, nd.array([0, 1, 2])))
print(L.SoftmaxCELoss()(pred, nd.array([7, -1, 1])))
print(L.SoftmaxCELoss()(pred.astype('float64'), nd.array([2, 0, 1], dtype='float64')))
