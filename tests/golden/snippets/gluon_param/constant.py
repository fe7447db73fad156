import numpy as np
import mxnet as mx
from mxnet import gluon

c = gluon.Constant('c', mx.nd.array([[1, 2], [3, 4]]))
print(c)
print(c.grad_req, c.shape, c.dtype, c.init.startswith('Constant_c_'))
c.initialize()
print(c.data())
c.grad_req = 'write'
print(c.grad_req)
d = gluon.Constant('d', [1.0, 2.0, 3.0])
print(d)
d.initialize()
print(d.data())
e = gluon.Constant('e', np.array([1, 2], dtype='int32'))
print(e)
e.initialize()
print(e.data())
