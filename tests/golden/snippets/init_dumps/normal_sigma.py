import mxnet as mx
init = mx.init.Normal(0.8)
print(init.dumps())
print(repr(init.dumps()))
print(mx.init.Normal(sigma=2).dumps())
print(mx.init.Normal(0.01).dumps())
