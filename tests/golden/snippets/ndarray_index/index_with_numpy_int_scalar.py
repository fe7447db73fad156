import numpy as np
from mxnet import nd
x = nd.arange(12).reshape((3, 4))
print(x[np.int64(1)])
print(x[np.int32(2), 1:2])
