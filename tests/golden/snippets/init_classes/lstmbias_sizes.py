import mxnet as mx
for n in [1, 2, 4, 5, 8, 12]:
    a = mx.nd.ones((n,)) * 9
    mx.init.LSTMBias(2.5)(mx.init.InitDesc('x_weight'), a)
    print(n, a.asnumpy())
b = mx.nd.ones((8, 2))
mx.init.LSTMBias()(mx.init.InitDesc('x_weight'), b)
print(b)
