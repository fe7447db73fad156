# LSTM with projection; the names save_parameters writes (MXNet's unfused layout).
import os
import tempfile
import mxnet as mx
from mxnet import nd
from mxnet.gluon import rnn

layer = rnn.LSTM(3, input_size=2, projection_size=2, num_layers=2, bidirectional=True)
print(layer)
print(layer.collect_params())
print(layer.state_info(4))
layer.initialize()
for i, (name, p) in enumerate(sorted(layer.collect_params().items())):
    n = 1
    for d in p.shape:
        n *= d
    p.set_data((nd.sin(nd.arange(n) * 0.9 + i) * 0.5).reshape(p.shape))
x = nd.sin(nd.arange(3 * 2 * 2)).reshape((3, 2, 2))
out, st = layer(x, layer.begin_state(2))
print(out)
print(st[0].shape, st[1].shape)
d = tempfile.mkdtemp()
f = os.path.join(d, 'lstm.params')
layer.save_parameters(f)
print(sorted(nd.load(f).keys()))
other = rnn.LSTM(3, input_size=2, projection_size=2, num_layers=2, bidirectional=True)
other.load_parameters(f)
print(float(nd.abs(other(x) - out).max().asscalar()))
uni = rnn.GRU(2, num_layers=2, input_size=3)
uni.initialize()
uni.save_parameters(f)
print(sorted(nd.load(f).keys()))
