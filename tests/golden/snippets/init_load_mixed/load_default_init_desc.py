import mxnet as mx
L = mx.init.Load({'a_weight': mx.nd.ones((2,)) * 4}, default_init=mx.init.Constant(2))
x = mx.nd.zeros((2,))
L(mx.init.InitDesc('a_weight'), x)
y = mx.nd.zeros((2,))
L(mx.init.InitDesc('b_weight'), y)
z = mx.nd.ones((2,))
L(mx.init.InitDesc('b_bias'), z)
print(x, y, z)
