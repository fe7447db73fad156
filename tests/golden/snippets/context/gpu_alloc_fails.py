import mxnet as mx
from mxnet import nd
nd.zeros((2,), ctx=mx.gpu(0))
