# Deferred input size, hybridized layer, state given as a single NDArray.
import mxnet as mx
from mxnet import nd
from mxnet.gluon import rnn

layer = rnn.LSTM(3, num_layers=2)
layer.initialize()
x = nd.sin(nd.arange(5 * 2 * 4)).reshape((5, 2, 4))
print(layer(x).shape)
print(layer)
print(layer.collect_params())
for i, (name, p) in enumerate(sorted(layer.collect_params().items())):
    n = 1
    for d in p.shape:
        n *= d
    p.set_data((nd.cos(nd.arange(n) * 1.1 + i) * 0.3).reshape(p.shape))
eager, eager_st = layer(x, layer.begin_state(2))
layer.hybridize()
hyb, hyb_st = layer(x, layer.begin_state(2))
print(hyb)
print(hyb_st[1])
print(float(nd.abs(hyb - eager).max().asscalar()) < 1e-6)
print(float(nd.abs(hyb_st[0] - eager_st[0]).max().asscalar()) < 1e-6)
g = rnn.GRU(2, input_size=4)
g.initialize()
out, st = g(x, nd.ones((1, 2, 2)))
print(type(st).__name__, len(st), st[0].shape)
try:
    g(x, nd.zeros((2, 2, 2)))
except ValueError as e:
    print('!! CAUGHT ValueError:', e)
