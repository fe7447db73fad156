import mxnet as mx
import numpy as np
a = mx.nd.zeros((4, 4))
mx.init.Orthogonal(scale=2)(mx.init.InitDesc('o_weight'), a)
m = a.asnumpy()
print(bool(np.allclose(m.dot(m.T), 4 * np.eye(4), atol=1e-4)))
b = mx.nd.zeros((3, 4), dtype='float64')
mx.init.Orthogonal(scale=0.5, rand_type='normal')(mx.init.InitDesc('o_weight'), b)
m = b.asnumpy()
print(b.dtype, bool(np.allclose(m.dot(m.T), 0.25 * np.eye(3), atol=1e-5)))
