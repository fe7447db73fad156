import mxnet as mx
mx.init.One()('foo', mx.nd.zeros((2,)))
