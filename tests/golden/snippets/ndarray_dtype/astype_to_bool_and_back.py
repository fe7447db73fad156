import numpy as np
from mxnet import nd
x = nd.array([0, 1.5, -2, 0])
b = x.astype('bool')
print(np.dtype(b.dtype).name)
print(b)
print(b.astype('float32'))
