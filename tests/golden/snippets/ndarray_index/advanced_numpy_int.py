import numpy as np
from mxnet import nd
x = nd.arange(12).reshape((3, 4))
print(x[np.array([1, 0])])
print(x[np.array([[0, 1], [2, 2]])].shape)
