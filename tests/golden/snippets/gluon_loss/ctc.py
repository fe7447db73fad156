# CTCLoss: NTC/TNC layouts, NT/TN labels padded with -1, pred/label lengths, weights
from mxnet import nd, gluon
L = gluon.loss
T, N, C = 5, 2, 4
pred = nd.sin(nd.arange(T * N * C).reshape((N, T, C)) * 0.7)   # NTC
label = nd.array([[0, 1, -1], [2, 2, 1]])
print(L.CTCLoss()(pred, label))
print(L.CTCLoss(layout='TNC')(pred.swapaxes(0, 1), label))
print(L.CTCLoss(label_layout='TN')(pred, label.T))
print(L.CTCLoss(weight=0.5)(pred, label, None, None, nd.array([2.0, 1.0])))
print(L.CTCLoss()(pred, label, nd.array([4, 5])))
print(L.CTCLoss()(pred, label, nd.array([5, 5]), nd.array([1, 2])))
print(L.CTCLoss()(pred, label, None, nd.array([2, 1])))
print(L.CTCLoss()(pred, nd.array([[0, 0, 0], [1, 2, 1]])))
for bad in (dict(layout='NCT'), dict(label_layout='NTC')):
    try:
        L.CTCLoss(**bad)
    except AssertionError as e:
        print('!! CAUGHT AssertionError:', e)
