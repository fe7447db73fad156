import mxnet as mx
from mxnet.gluon import rnn
from mxnet.gluon.contrib import rnn as crnn

cells = [
    crnn.LSTMPCell(8, 4),
    crnn.LSTMPCell(8, 4, input_size=3),
    crnn.Conv1DRNNCell((3, 10), 4, 3, 3),
    crnn.Conv2DRNNCell((3, 8, 8), 4, (3, 3), (3, 3), i2h_pad=(1, 1), activation='relu'),
    crnn.Conv3DRNNCell((2, 4, 4, 4), 2, 3, 1),
    crnn.Conv1DLSTMCell((3, 10), 4, 3, 5, conv_layout='NWC'),
    crnn.Conv2DLSTMCell((3, 8, 8), 4, 3, 3),
    crnn.Conv3DLSTMCell((2, 4, 4, 4), 2, (1, 3, 3), 3, i2h_dilate=(1, 2, 1)),
    crnn.Conv1DGRUCell((3, 10), 4, 3, 3),
    crnn.Conv2DGRUCell((8, 8, 3), 4, 3, 3, conv_layout='NHWC'),
    crnn.Conv3DGRUCell((2, 4, 4, 4), 2, 3, 3, h2h_dilate=2),
]
for c in cells:
    print(c)
    print(c.prefix)
    for name, p in sorted(c.collect_params().items()):
        print(' ', name, p.shape)
    print(' ', c.state_info(5))
v = crnn.VariationalDropoutCell(rnn.LSTMCell(4), drop_inputs=0.3, drop_states=0.2,
                                drop_outputs=0.1)
print(v)
print(v.prefix, v.base_cell.prefix, sorted(v.collect_params().keys()))
print(v.state_info(2))
for bad in [lambda: crnn.Conv2DRNNCell((3, 8, 8), 4, (3, 3, 3), 3),
            lambda: crnn.Conv2DRNNCell((3, 8, 8), 4, 3, 2)]:
    try:
        bad()
    except AssertionError as e:
        print('!! CAUGHT AssertionError:', e)
