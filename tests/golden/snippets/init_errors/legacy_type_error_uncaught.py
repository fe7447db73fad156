import mxnet as mx
mx.init.Zero()('fc_weight', [1, 2])
