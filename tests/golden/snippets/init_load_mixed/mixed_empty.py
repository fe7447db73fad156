import mxnet as mx
M = mx.init.Mixed([], [])
print(M.map)
M('w_weight', mx.nd.zeros((2,)))
