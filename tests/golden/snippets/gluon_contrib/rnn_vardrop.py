import mxnet as mx
from mxnet import nd, autograd
from mxnet.gluon import rnn
from mxnet.gluon.contrib import rnn as crnn

x = nd.arange(2 * 4 * 3).reshape((2, 4, 3)) / 24.0
base = rnn.GRUCell(3, prefix='gru_')
base.initialize(mx.init.Constant(0.1))
v = crnn.VariationalDropoutCell(base, drop_inputs=0.5, drop_states=0.5, drop_outputs=0.5)
# predict mode: dropout is the identity
out, states = v.unroll(4, x, merge_outputs=True)
print(out)
print(states)
v2 = crnn.VariationalDropoutCell(rnn.GRUCell(3, prefix='gru2_'), drop_inputs=0.5,
                                 drop_outputs=0.5)
v2.initialize(mx.init.Constant(0.1))
out2, states2 = v2.unroll(4, x, merge_outputs=False)
print(len(out2), out2[-1])
print(states2)
# training: one mask for the whole sequence -> zeros at the same places every step
ones = nd.ones((2, 4, 3))
v3 = crnn.VariationalDropoutCell(crnn.LSTMPCell(3, 3, prefix='p_'), drop_outputs=0.5)
v3.initialize(mx.init.Constant(0.2))
with autograd.train_mode():
    out3, _ = v3.unroll(4, ones, merge_outputs=True)
zero = (out3 == 0)
print((zero[:, 0:1, :] == zero).min().asscalar())
print(v3)
