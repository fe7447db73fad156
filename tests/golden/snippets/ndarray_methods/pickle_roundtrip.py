import pickle
from mxnet import nd
a = nd.array([[1, 2], [3, 4]], dtype='int32')
b = pickle.loads(pickle.dumps(a))
print(b, b.dtype, b.context)
print(b is a)
