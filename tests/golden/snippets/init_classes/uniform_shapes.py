import mxnet as mx
import numpy as np
for shape, dtype in [((2, 3), 'float32'), ((1000,), 'float32'), ((10, 10), 'float64'), ((4, 3, 2, 2), 'float32')]:
    a = mx.nd.zeros(shape, dtype=dtype)
    mx.init.Uniform(0.1)(mx.init.InitDesc('w_weight'), a)
    v = a.asnumpy()
    print(a.shape, a.dtype, bool((np.abs(v) <= 0.1).all()), bool((v != 0).any()))
