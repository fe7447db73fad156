import mxnet as mx
g = mx.gpu(3)
print(g)
print(g.device_type, g.device_id)
print(mx.gpu())
