import mxnet as mx
import numpy as np
for factor_type, slope in [('avg', 0.25), ('in', 0.0), ('out', 1.0)]:
    init = mx.init.MSRAPrelu(factor_type, slope)
    a = mx.nd.zeros((16, 8, 3, 3))
    init(mx.init.InitDesc('conv_weight'), a)
    print(factor_type, slope, init.rnd_type, round(init.magnitude, 6), a.shape,
          bool(np.isfinite(a.asnumpy()).all()))
