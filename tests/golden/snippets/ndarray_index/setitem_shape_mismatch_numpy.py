import numpy as np
from mxnet import nd
x = nd.zeros((3, 4))
x[:] = np.ones((1, 3))
