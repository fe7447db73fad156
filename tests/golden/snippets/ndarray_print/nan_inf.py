import numpy as np
from mxnet import nd
x = nd.array([np.nan, np.inf, 1])
print(x)
print(repr(repr(x)))
print(nd.array([-np.inf, 0.5, np.nan]))
