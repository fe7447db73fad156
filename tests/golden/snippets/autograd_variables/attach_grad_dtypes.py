import numpy as np
from mxnet import nd
for dt in ['float32', 'float64', 'float16', 'int32', 'int64', 'uint8']:
    x = nd.array([1, 2], dtype=dt)
    x.attach_grad()
    print(dt, x.grad.dtype, x.grad.shape, x.grad.asnumpy().tolist())
print(nd.array([1, 2], dtype='int32').grad)
