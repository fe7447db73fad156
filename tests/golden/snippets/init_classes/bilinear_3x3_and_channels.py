import mxnet as mx
a = mx.nd.zeros((2, 1, 3, 3))
mx.init.Bilinear()(mx.init.InitDesc('up_weight'), a)
print(a)
