import numpy as np
import mxnet as mx
from mxnet import gluon

for dt in ['float32', np.float32, 'float64', np.int8, 'uint8', np.dtype('float16')]:
    p = gluon.Parameter('w', shape=(1, 2), dtype=dt)
    print(p)
p = gluon.Parameter('w', shape=(2,))
p.initialize(init=mx.init.One())
print(p)
print(p.data().dtype)
p.cast('float16')
print(p)
print(p.data())
p.cast(np.float64)
print(p)
