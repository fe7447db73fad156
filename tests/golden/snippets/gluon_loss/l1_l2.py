# L1Loss / L2Loss: shapes, label reshaped to pred's shape, weight, sample_weight, batch_axis
from mxnet import nd, gluon
pred = nd.array([[0.5, -1.0, 2.0], [3.0, 0.0, -0.5]])
label = nd.array([[1.0, 1.0, 1.0], [2.0, -2.0, 0.5]])
for cls in (gluon.loss.L2Loss, gluon.loss.L1Loss):
    print(cls.__name__)
    print(cls()(pred, label))
    print(cls(weight=3.0)(pred, label))
    print(cls()(pred, label.reshape((6,))))
    print(cls()(pred, label, nd.array([[2.0], [0.5]])))
    print(cls()(pred, label, nd.array([1.0, 0.0, 2.0])))
    print(cls(batch_axis=1)(pred, label))
    p3 = nd.arange(24).reshape((2, 3, 4)) / 10
    print(cls()(p3, nd.ones((2, 3, 4))))
    print(cls(batch_axis=2)(p3, nd.ones((2, 3, 4))))
    print(cls()(nd.array([1.0, 2.0, 3.0]), nd.array([0.0, 0.0, 0.0])))
    print(cls()(p3.astype('float64'), nd.ones((2, 3, 4), dtype='float64')))
