import numpy as np
from mxnet import nd
x = nd.array([1, 2])
print(x.astype('float32', copy=False) is x)
print(x.astype(np.float32, copy=False) is x)
print(x.astype('float32') is x)
y = x.astype('int32', copy=False)
print(y is x, y.dtype)
