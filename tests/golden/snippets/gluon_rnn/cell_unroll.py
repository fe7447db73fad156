# unroll: layouts, merged or listed outputs, valid_length; sequential, residual,
# bidirectional and dropout cells.
import mxnet as mx
from mxnet import nd
from mxnet.gluon import rnn


def fill(block):
    for i, (name, p) in enumerate(sorted(block.collect_params().items())):
        n = 1
        for d in p.shape:
            n *= d
        p.set_data((nd.sin(nd.arange(n) * 0.7 + i) * 0.4).reshape(p.shape))


x = nd.cos(nd.arange(2 * 3 * 2) * 0.5).reshape((2, 3, 2))   # NTC
cell = rnn.LSTMCell(2, input_size=2)
cell.initialize()
fill(cell)
out, st = cell.unroll(3, x, merge_outputs=True)
print(out)
print(st)
outs, st = cell.unroll(3, x.transpose((1, 0, 2)), layout='TNC', merge_outputs=False)
print(type(outs).__name__, len(outs), outs[2])
outs, st = cell.unroll(3, [x[:, t, :] for t in range(3)])
print(type(outs).__name__, len(outs))
out, st = cell.unroll(3, x, merge_outputs=True, valid_length=nd.array([2, 3]))
print(out)
print(st)

seq = rnn.SequentialRNNCell()
with seq.name_scope():
    seq.add(rnn.GRUCell(2, input_size=2))
    seq.add(rnn.DropoutCell(0.0))
    seq.add(rnn.ResidualCell(rnn.RNNCell(2, input_size=2)))
seq.initialize()
fill(seq)
print(seq)
out, st = seq.unroll(3, x, merge_outputs=True)
print(out)
print(len(st), st[1])
step_out, step_st = seq(x[:, 0, :], seq.begin_state(batch_size=2, func=nd.zeros))
print(step_out)

bi = rnn.BidirectionalCell(rnn.GRUCell(2, input_size=2), rnn.RNNCell(2, input_size=2))
bi.initialize()
fill(bi)
out, st = bi.unroll(3, x, merge_outputs=True)
print(out)
print(len(st), st[1])
outs, st = bi.unroll(3, x, merge_outputs=False, valid_length=nd.array([3, 1]))
print(outs[0])
print(outs[2])
try:
    bi(x[:, 0, :], bi.begin_state(batch_size=2))
except NotImplementedError as e:
    print('!! CAUGHT NotImplementedError:', e)
