import mxnet as mx
init = mx.init.Normal(0.8)
print(init.dumps())
