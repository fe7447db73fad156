import mxnet as mx
mx.init.Xavier()(mx.init.InitDesc('fc_weight'), mx.nd.zeros((3,)))
