import mxnet as mx
print(mx.init.Uniform(0.1).dumps())
print(mx.init.Uniform(scale=1).dumps())
print(mx.init.Uniform(1e-3).dumps())
print(mx.init.LSTMBias(0.).dumps())
print(mx.init.LSTMBias(forget_bias=2).dumps())
print(mx.init.Bilinear().dumps())
