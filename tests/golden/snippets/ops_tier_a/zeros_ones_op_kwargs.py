import mxnet as mx
from mxnet import nd
print(nd.zeros(shape=(2, 2), dtype='int8'))
print(nd.ones(shape=3, ctx=mx.cpu(1)))
