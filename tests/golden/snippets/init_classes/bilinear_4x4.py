import mxnet as mx
a = mx.nd.zeros((1, 1, 4, 4))
mx.init.Bilinear()(mx.init.InitDesc('up_weight'), a)
print(a)
