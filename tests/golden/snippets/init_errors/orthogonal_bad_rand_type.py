import mxnet as mx
mx.init.Orthogonal(rand_type='foo')(mx.init.InitDesc('o_weight'), mx.nd.zeros((2, 3)))
