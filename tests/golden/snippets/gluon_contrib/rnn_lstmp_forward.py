import mxnet as mx
from mxnet import nd, autograd
from mxnet.gluon.contrib import rnn as crnn

x = nd.arange(2 * 3 * 5).reshape((2, 3, 5)) / 30.0 - 0.4
for hybrid in (False, True):
    cell = crnn.LSTMPCell(6, 3, prefix='lstmp_')
    cell.initialize(mx.init.Constant(0.05))
    cell.h2r_weight.set_data(nd.arange(18).reshape((3, 6)) / 20.0 - 0.3)
    if hybrid:
        cell.hybridize()
    out, states = cell.unroll(3, x, layout='NTC', merge_outputs=True)
    print(out)
    print(states[0])
    print(states[1])
    with autograd.record():
        o, s = cell(x[:, 0, :], cell.begin_state(batch_size=2))
    o.backward()
    print(cell.i2h_weight.grad()[:4])
    print(cell.h2r_weight.grad())
print(cell)
