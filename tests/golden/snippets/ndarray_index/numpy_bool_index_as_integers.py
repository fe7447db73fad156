import numpy as np
from mxnet import nd
x = nd.arange(12).reshape((3, 4))
print(x[np.array([True, False, True])])
