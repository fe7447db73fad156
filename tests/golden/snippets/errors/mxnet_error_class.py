import mxnet as mx
from mxnet import nd
print(issubclass(mx.base.MXNetError, RuntimeError))
print(mx.MXNetError is mx.base.MXNetError)
try:
    nd.ones((2, 2)) + nd.ones((3,))
except RuntimeError as e:
    print(type(e).__name__, isinstance(e, mx.base.MXNetError))
