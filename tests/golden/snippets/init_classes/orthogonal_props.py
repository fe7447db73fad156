import mxnet as mx
import numpy as np
for shape in [(3, 5), (5, 3), (4, 2, 2), (6, 6)]:
    for rand_type in ['uniform', 'normal']:
        a = mx.nd.zeros(shape)
        mx.init.Orthogonal(rand_type=rand_type)(mx.init.InitDesc('o_weight'), a)
        m = a.asnumpy().reshape(shape[0], -1)
        if m.shape[0] <= m.shape[1]:
            g = m.dot(m.T)
        else:
            g = m.T.dot(m)
        print(shape, rand_type, a.dtype, bool(np.allclose(g, 1.414 ** 2 * np.eye(g.shape[0]), atol=1e-4)))
