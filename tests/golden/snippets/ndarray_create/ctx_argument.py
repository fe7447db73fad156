import mxnet as mx
from mxnet import nd
print(nd.zeros(2, ctx=mx.cpu(2)))
print(nd.ones((1,), mx.cpu(1)).context)
print(nd.arange(2, ctx=mx.cpu(3)).context)
print(nd.full((1,), 4, ctx=mx.cpu(1)).context)
