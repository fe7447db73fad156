import numpy as np
from mxnet import nd
x = nd.array([1.7, 2.2])
for dt in ['int32', np.int32, np.dtype('int32'), 'float64', np.float16]:
    y = x.astype(dt)
    print(y.dtype, y.asnumpy().tolist())
