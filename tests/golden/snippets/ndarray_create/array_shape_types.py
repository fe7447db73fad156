import numpy as np
from mxnet import nd
x = nd.zeros((np.int64(2), np.int32(3)))
print(x.shape, [type(s).__name__ for s in x.shape])
print(nd.ones([2, 2]).shape)
