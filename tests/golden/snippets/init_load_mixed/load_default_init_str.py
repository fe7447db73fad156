import mxnet as mx
L = mx.init.Load({'a_weight': mx.nd.ones((2,)) * 4}, default_init=mx.init.Constant(2))
y = mx.nd.zeros((2,))
L('b_weight', y)
print(y)
x = mx.nd.zeros((2,))
L('a_weight', x)
print(x)
