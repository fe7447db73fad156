import mxnet as mx
from mxnet import nd
a = nd.array([1, 2])
print(a.as_in_context(mx.cpu()) is a)
b = a.as_in_context(mx.cpu(1))
print(b is a, b.context)
print(b)
