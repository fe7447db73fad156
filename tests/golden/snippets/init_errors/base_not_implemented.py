import mxnet as mx
mx.init.Initializer()(mx.init.InitDesc('fc_weight'), mx.nd.zeros((2,)))
