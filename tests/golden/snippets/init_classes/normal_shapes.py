import mxnet as mx
import numpy as np
for shape, dtype in [((2, 3), 'float32'), ((1000,), 'float32'), ((10, 10), 'float64')]:
    a = mx.nd.zeros(shape, dtype=dtype)
    before = id(a)
    mx.init.Normal(0.5)(mx.init.InitDesc('w_weight'), a)
    v = a.asnumpy()
    print(a.shape, a.dtype, id(a) == before, bool((v != 0).all()), bool(np.isfinite(v).all()))
