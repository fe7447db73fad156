import numpy as np
from mxnet import nd
x = nd.array(np.array([True, False, True]))
print(x, x.dtype)
