import numpy as np
from mxnet import nd
for dt in ['int32', np.int32, 'float64', np.float16, np.dtype('int64'), 'uint8', 'int8', 'bool']:
    x = nd.array([1, 0, 3], dtype=dt)
    print(np.dtype(x.dtype).name, x.dtype is np.dtype(dt).type, x.asnumpy().tolist())
