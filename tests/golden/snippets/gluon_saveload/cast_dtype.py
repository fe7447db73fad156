import mxnet as mx
from mxnet import gluon, nd
from mxnet.gluon import nn

def build(dtype):
    net = nn.HybridSequential(prefix='c_')
    with net.name_scope():
        net.add(nn.Dense(2, in_units=2, dtype=dtype))
    return net
net = build('float32')
net.initialize(mx.init.Constant(1.25))
net.save_parameters('f32.params')
h = build('float16')
h.load_parameters('f32.params', cast_dtype=True)
print(h[0].weight.dtype, h[0].weight.data().dtype)
print(h[0].weight.data())
h2 = build('float16')
h2.load_parameters('f32.params', cast_dtype=True, dtype_source='saved')
print(h2[0].weight.dtype, h2[0].weight.data().dtype)
h3 = build('float64')
h3.initialize()
h3.load_parameters('f32.params', cast_dtype=True)
print(h3[0].bias.dtype, h3[0].bias.data())
net.cast('float16')
net.save_parameters('f16.params')
print({k: v.dtype for k, v in sorted(nd.load('f16.params').items())})
