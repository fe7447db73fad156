import numpy as np
from mxnet import nd
src = np.arange(4, dtype=np.int64)
x = nd.array(src)
print(x)
print(x.dtype)
