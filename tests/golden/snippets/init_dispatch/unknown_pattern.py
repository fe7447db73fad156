import mxnet as mx
mx.init.Xavier()(mx.init.InitDesc('data'), mx.nd.zeros((2, 2)))
