import mxnet as mx
from mxnet import nd
a = nd.array([1, 2])
c = a.copyto(mx.cpu(1))
print(c)
print(c is a)
d = a.copyto(mx.cpu(0))
print(d is a, d.context)
d[0] = 9
print(a)
