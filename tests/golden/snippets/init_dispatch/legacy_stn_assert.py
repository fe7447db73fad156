import mxnet as mx
mx.init.One()('stn_loc_bias', mx.nd.zeros((5,)))
