import mxnet as mx
from mxnet import nd
a = nd.ones((2,), ctx=mx.cpu(1))
print(a)
print(a.context, a.ctx)
print(a.context == mx.cpu(1))
b = nd.array([1, 2], ctx=mx.cpu(2))
print(b.context)
print((a + 1).context)
