# split_and_load: NDArray and NumPy inputs, one or several contexts, batch_axis
import mxnet as mx
import numpy as np
from mxnet import nd, gluon
U = gluon.utils
x = nd.arange(12).reshape((4, 3))
print(U.split_and_load(x, [mx.cpu(0)]))
print(U.split_and_load(x, [mx.cpu(0), mx.cpu(1)]))
print(U.split_and_load(np.arange(6, dtype='float64').reshape((3, 2)), [mx.cpu(0), mx.cpu(1)],
                       even_split=False))
print(U.split_and_load([[1, 2], [3, 4]], [mx.cpu(1)]))
parts = U.split_and_load(x, [mx.cpu(0), mx.cpu(1), mx.cpu(2)], batch_axis=1)
print([(p.shape, p.context, p.dtype) for p in parts])
