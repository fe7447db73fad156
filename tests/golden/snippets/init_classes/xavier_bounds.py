import math
import mxnet as mx
import numpy as np
shape = (64, 32, 3, 3)
fan_in, fan_out = 32 * 9, 64 * 9
for factor_type, factor in [('avg', (fan_in + fan_out) / 2.0), ('in', fan_in), ('out', fan_out)]:
    for magnitude in [3, 2.45]:
        a = mx.nd.zeros(shape)
        mx.init.Xavier('uniform', factor_type, magnitude)(mx.init.InitDesc('conv_weight'), a)
        v = a.asnumpy()
        bound = math.sqrt(magnitude / factor)
        print(factor_type, magnitude, a.shape, bool((np.abs(v) <= bound * (1 + 1e-6)).all()),
              bool(np.abs(v).max() > 0.9 * bound))
