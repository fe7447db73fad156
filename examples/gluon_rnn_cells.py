# A legacy MXNet 1.x Gluon program, unchanged: recurrent cells (GRUCell, LSTMCell,
# stacked and bidirectional) unrolled over a sequence, with valid lengths, and a tiny
# sequence-sum regressor trained on them.  Run it with:
#   python -m mxcompat examples/gluon_rnn_cells.py
# mxcompat-env: MXCOMPAT_RANDOM=mxnet
import numpy as np
import mxnet as mx
from mxnet import autograd, gluon, nd
from mxnet.gluon import nn, rnn

mx.random.seed(31)
rs = np.random.RandomState(2)
T, N, C = 6, 4, 3
seq = nd.array(rs.uniform(-1, 1, size=(N, T, C)))       # NTC layout

gru = rnn.GRUCell(5, input_size=C)
gru.initialize(mx.init.Xavier())
print(gru)
outputs, states = gru.unroll(T, seq, layout='NTC', merge_outputs=True)
print('gru outputs', outputs.shape, 'state', [s.shape for s in states])
print('last output equals state', np.allclose(outputs[:, -1].asnumpy(), states[0].asnumpy()))

stack = rnn.SequentialRNNCell()
with stack.name_scope():
    stack.add(rnn.LSTMCell(6, input_size=C))
    stack.add(rnn.ResidualCell(rnn.LSTMCell(6, input_size=6)))
stack.initialize(mx.init.Xavier())
print(stack)
begin = stack.begin_state(batch_size=N, func=nd.zeros)
print('begin state', [s.shape for s in begin])
outs, final = stack.unroll(T, seq, begin_state=begin, layout='NTC', merge_outputs=False)
print('step outputs', len(outs), outs[0].shape, 'final states', len(final))

bi = rnn.BidirectionalCell(rnn.GRUCell(4, input_size=C), rnn.GRUCell(4, input_size=C))
bi.initialize(mx.init.Xavier())
bout, bstates = bi.unroll(T, seq, layout='NTC', merge_outputs=True)
print('bidirectional', bout.shape, [s.shape for s in bstates])

lengths = nd.array([6, 4, 2, 5])
vout, vstates = gru.unroll(T, seq, layout='NTC', merge_outputs=True, valid_length=lengths)
print('masked steps are zero', vout[2, 2:].abs().sum().asscalar() == 0)
print('state of sample 2 = output at step 1',
      np.allclose(vstates[0][2].asnumpy(), vout[2, 1].asnumpy()))


class SumRegressor(gluon.HybridBlock):
    def __init__(self, **kwargs):
        super(SumRegressor, self).__init__(**kwargs)
        with self.name_scope():
            self.cell = rnn.LSTMCell(8, input_size=C)
            self.out = nn.Dense(1, in_units=8)

    def hybrid_forward(self, F, x):
        outputs, states = self.cell.unroll(T, x, layout='NTC', merge_outputs=True)
        return self.out(states[0])


model = SumRegressor()
model.initialize(mx.init.Xavier())
model.hybridize()
target = seq.sum(axis=(1, 2)).reshape((-1, 1))
trainer = gluon.Trainer(model.collect_params(), 'adam', {'learning_rate': 0.05})
for step in range(10):
    with autograd.record():
        loss = gluon.loss.L2Loss()(model(seq), target)
    loss.backward()
    trainer.step(N)
    if step % 3 == 0:
        print('step %d loss %.5f' % (step, loss.mean().asscalar()))
print('prediction', model(seq).reshape((-1,)), 'target', target.reshape((-1,)))
