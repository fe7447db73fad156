import numpy as np
from mxnet import nd
x = nd.array([1, 2])
print(x + np.float64(1))
print(x * np.int32(3))
print(np.float32(2) - x)
print(x / np.int64(4))
