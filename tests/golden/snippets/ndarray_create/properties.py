import ctypes
from mxnet import nd
x = nd.arange(6).reshape((2, 3))
print(x.shape, type(x.shape).__name__)
print(x.size, x.ndim, x.stype)
print(x.context, x.ctx)
print(x.writable)
print(isinstance(x.handle, ctypes.c_void_p))
print(type(x).__name__)
