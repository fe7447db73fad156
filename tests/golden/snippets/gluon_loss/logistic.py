# LogisticLoss with signed and binary labels; a bad label_format
from mxnet import nd, gluon
L = gluon.loss
pred = nd.array([[0.5, -1.0, 20.0], [3.0, -30.0, 0.0]])
print(L.LogisticLoss()(pred, nd.array([[1, -1, 1], [-1, -1, 1]])))
print(L.LogisticLoss(label_format='binary')(pred, nd.array([[1, 0, 1], [0, 0, 1]])))
print(L.LogisticLoss(weight=0.5)(pred, nd.array([[1, -1, 1], [-1, -1, 1]]), nd.array([[2.0], [1.0]])))
try:
    L.LogisticLoss(label_format='onehot')
except ValueError as e:
    print('!! CAUGHT ValueError:', e)
