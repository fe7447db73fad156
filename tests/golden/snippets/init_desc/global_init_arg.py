import mxnet as mx
g = mx.init.One()
d = mx.init.InitDesc('w_weight', global_init=g)
print(d.global_init is g, d.global_init.dumps())
mx.init.Zero()(d, mx.nd.ones((2,)))
print(d.global_init is g)
d.global_init = None
mx.init.Zero()(d, mx.nd.ones((2,)))
print(type(d.global_init).__name__)
