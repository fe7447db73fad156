import numpy as np
from mxnet import nd
a = nd.ones(2)
print(a.dtype)
print(a.dtype is np.float32)
print(a.dtype == 'float32')
print(a.dtype == np.float32)
print(str(a.dtype))
print(np.dtype(a.dtype))
print(isinstance(a.dtype, type))
