# TripletLoss (margin) and CosineEmbeddingLoss (labels 1/-1, margin; output (N, 1))
from mxnet import nd, gluon
L = gluon.loss
a = nd.array([[1.0, 2.0, 0.0], [0.5, -1.0, 1.0], [0.0, 0.0, 1.0]])
p = nd.array([[1.0, 1.5, 0.5], [0.0, -1.0, 1.0], [1.0, 0.0, 0.0]])
n = nd.array([[0.0, 2.0, 0.0], [3.0, 1.0, 1.0], [0.0, 0.1, 1.0]])
print(L.TripletLoss()(a, p, n))
print(L.TripletLoss(margin=0.1, weight=2.0)(a, p, n.reshape((9,))))
print(L.TripletLoss(margin=5)(a.reshape((3, 1, 3)), p, n))
print(L.CosineEmbeddingLoss()(a, p, nd.array([1, -1, 1])))
print(L.CosineEmbeddingLoss(margin=0.5)(a, n, nd.array([[-1], [-1], [1]])))
print(L.CosineEmbeddingLoss(weight=3.0)(a, p, nd.array([1, 1, -1]), nd.array([[1.0], [0.0], [2.0]])))
print(L.CosineEmbeddingLoss()(a, nd.zeros((3, 3)), nd.array([1, -1, 0])))
