# Fused layers with deterministic parameters: output only, output and states, NTC layout.
import mxnet as mx
from mxnet import nd
from mxnet.gluon import rnn


def fill(block):
    for i, (name, p) in enumerate(sorted(block.collect_params().items())):
        n = 1
        for d in p.shape:
            n *= d
        p.set_data((nd.sin(nd.arange(n) * 0.7 + i) * 0.4).reshape(p.shape))


x = nd.cos(nd.arange(4 * 2 * 3) * 0.3).reshape((4, 2, 3))
for layer in (rnn.LSTM(2, num_layers=2, bidirectional=True, input_size=3),
              rnn.GRU(3, input_size=3), rnn.RNN(2, activation='tanh', input_size=3),
              rnn.RNN(2, num_layers=2, input_size=3)):
    layer.initialize()
    fill(layer)
    print(layer)
    out = layer(x)
    print(out)
    states = layer.begin_state(batch_size=2, func=nd.ones)
    out, new = layer(x, states)
    print(out.shape, [s.shape for s in new])
    for s in new:
        print(s)

ntc = rnn.GRU(2, layout='NTC', input_size=3)
ntc.initialize()
fill(ntc)
out, st = ntc(x.transpose((1, 0, 2)), ntc.begin_state(2))
print(out.shape, out)
print(st[0])
