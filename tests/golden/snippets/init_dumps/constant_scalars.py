import mxnet as mx
import numpy as np
for v in [3, 0.5, -1, 0, 1e-3, True, "abc", np.float64(2.5), 10**20]:
    print(mx.init.Constant(v).dumps())
print(mx.init.Constant(value=7).dumps())
