# Names, shapes, reprs and state_info of the fused layers and the cells.
import mxnet as mx
from mxnet import nd, gluon
from mxnet.gluon import rnn
l = rnn.LSTM(4, num_layers=2, bidirectional=True, dropout=0.2)
print(l); print(l.collect_params())
l2 = rnn.LSTM(4, input_size=3); print(l2)
print(rnn.GRU(4, layout='NTC'), rnn.RNN(3, activation='relu', num_layers=3))
print(l.state_info(2)); print(l.begin_state(2)[0].shape)
c = rnn.RNNCell(4); print(c, c.prefix); print(c.collect_params())
s = rnn.SequentialRNNCell()
with s.name_scope():
    s.add(rnn.LSTMCell(3)); s.add(rnn.DropoutCell(0.5)); s.add(rnn.ResidualCell(rnn.GRUCell(3)))
print(s, s.prefix); print(s.collect_params()); print(s.state_info(2))
b = rnn.BidirectionalCell(rnn.LSTMCell(2), rnn.LSTMCell(2))
print(b, repr(b.prefix)); print(b.collect_params())
z = rnn.ZoneoutCell(rnn.GRUCell(2), 0.1, 0.2); print(z, z.prefix); print(z.collect_params())
