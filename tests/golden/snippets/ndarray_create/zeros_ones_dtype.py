import numpy as np
from mxnet import nd
print(nd.zeros((2,), dtype='int32'))
print(nd.ones((2,), dtype=np.int64).dtype)
print(nd.ones((2,), dtype=np.float16))
print(nd.zeros((2, 2), dtype='uint8').dtype)
