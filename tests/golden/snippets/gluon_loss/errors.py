# errors: non-numeric weight, label of another size, unbroadcastable sample_weight,
# TripletLoss takes no sample_weight
from mxnet import nd, gluon
L = gluon.loss

def check(f):
    try:
        print(f())
    except Exception as e:
        m = str(e).split('MXNetError: ')[-1]
        m = m.split('\n', 2)[-1] if m.startswith('Traceback') else m
        print('!! CAUGHT %s: %s' % (type(e).__name__, m.strip().replace('\n', ' | ')))

pred = nd.ones((2, 3))
check(lambda: L.L1Loss(weight='2')(pred, pred))
check(lambda: L.L1Loss(weight=nd.array([2.0]))(pred, pred))
check(lambda: L.L2Loss()(pred, nd.ones((2, 2))))
check(lambda: L.L2Loss()(pred, pred, nd.ones((3, 1))))
check(lambda: L.TripletLoss()(pred, pred, pred, nd.ones((2, 1))))
