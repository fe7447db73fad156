# One step of each cell with deterministic parameters; begin_state.
import mxnet as mx
from mxnet import nd
from mxnet.gluon import rnn


def fill(block):
    for i, (name, p) in enumerate(sorted(block.collect_params().items())):
        n = 1
        for d in p.shape:
            n *= d
        p.set_data((nd.sin(nd.arange(n) * 0.7 + i) * 0.4).reshape(p.shape))


x = nd.cos(nd.arange(2 * 3)).reshape((2, 3))
for cell in (rnn.RNNCell(2, input_size=3), rnn.RNNCell(2, activation='relu', input_size=3),
             rnn.LSTMCell(2, input_size=3), rnn.GRUCell(2, input_size=3)):
    cell.initialize()
    fill(cell)
    states = cell.begin_state(batch_size=2)
    print(cell, len(states), states[0].shape)
    states = [s + 0.5 for s in states]
    out, new = cell(x, states)
    print(out)
    for s in new:
        print(s)
    cell.hybridize()
    out2, _ = cell(x, states)
    print(float(nd.abs(out2 - out).max().asscalar()) < 1e-6)
deferred = rnn.GRUCell(3)
deferred.initialize()
print(deferred(x, deferred.begin_state(2))[0].shape, deferred)
