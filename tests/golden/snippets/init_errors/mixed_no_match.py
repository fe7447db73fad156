import mxnet as mx
M = mx.init.Mixed(['^fc', 'conv'], [mx.init.One(), mx.init.Zero()])
M(mx.init.InitDesc('bn_gamma'), mx.nd.zeros((2,)))
