import numpy as np
from mxnet import nd
x = nd.array(np.array([[1, 2], [3, 4]], dtype=np.int32), dtype=np.int32)
print(x, x.dtype)
