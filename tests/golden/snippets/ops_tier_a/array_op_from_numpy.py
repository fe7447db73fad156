import numpy as np
from mxnet import nd
src = np.arange(6, dtype=np.float64).reshape((2, 3)) / 4
x = nd.array(src)
print(x)
print(nd.array(src, dtype='float64'))
