import mxnet as mx
a = mx.nd.zeros((1, 1, 6, 6), dtype='float64')
mx.init.Bilinear()(mx.init.InitDesc('up_weight'), a)
print(a.dtype)
print(a)
