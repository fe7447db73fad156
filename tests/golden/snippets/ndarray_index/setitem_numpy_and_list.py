import numpy as np
from mxnet import nd
x = nd.zeros((3, 4))
x[:] = np.arange(4)
print(x)
x[1] = [9, 8, 7, 6]
print(x)
x[2, 2] = np.float64(0.5)
print(x)
