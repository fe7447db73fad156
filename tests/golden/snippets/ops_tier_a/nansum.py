import numpy as np
from mxnet import nd
x = nd.array([[1, np.nan], [np.nan, 4]])
print(nd.nansum(x))
print(nd.nansum(x, axis=0))
print(nd.sum(x))
