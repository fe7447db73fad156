import numpy as np
from mxnet import nd
x = nd.array(np.array([0.1, 0.2], dtype=np.float64))
print(x.dtype)
print(x.asnumpy().tolist())
