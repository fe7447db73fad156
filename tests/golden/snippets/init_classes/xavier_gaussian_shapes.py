import mxnet as mx
import numpy as np
for factor_type in ['avg', 'in', 'out']:
    for shape in [(8, 4), (8, 4, 3), (2, 3, 2, 2)]:
        a = mx.nd.zeros(shape)
        mx.init.Xavier('gaussian', factor_type)(mx.init.InitDesc('conv_weight'), a)
        print(factor_type, a.shape, a.dtype, bool(np.isfinite(a.asnumpy()).all()))
