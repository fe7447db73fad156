import numpy as np
from mxnet import nd
for dt in ['float32', 'float64', 'float16', 'uint8', 'int8', 'int32', 'int64']:
    x = nd.zeros((2,), dtype=dt)
    print(dt, x.dtype, x.asnumpy().dtype)
b = nd.zeros((2,), dtype='bool')
print(np.dtype(b.dtype).name, b.asnumpy().dtype)
