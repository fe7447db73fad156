import mxnet as mx
from mxnet import nd
from mxnet.gluon.contrib import rnn as crnn

def det_init(cell):
    for name, p in sorted(cell.collect_params().items()):
        n = 1
        for s in p.shape:
            n *= s
        p.set_data((nd.arange(n).reshape(p.shape) % 7 - 3) / 20.0)

x1 = (nd.arange(2 * 3 * 6).reshape((2, 3, 6)) % 5) / 5.0
x2 = (nd.arange(2 * 2 * 5 * 5).reshape((2, 2, 5, 5)) % 7) / 7.0
x3 = (nd.arange(1 * 2 * 3 * 4 * 4).reshape((1, 2, 3, 4, 4)) % 3) / 3.0
specs = [
    (crnn.Conv1DRNNCell, (3, 6), x1, dict(i2h_kernel=3, h2h_kernel=3, i2h_pad=1)),
    (crnn.Conv1DLSTMCell, (3, 6), x1, dict(i2h_kernel=3, h2h_kernel=3)),
    (crnn.Conv1DGRUCell, (3, 6), x1, dict(i2h_kernel=1, h2h_kernel=5)),
    (crnn.Conv2DRNNCell, (2, 5, 5), x2, dict(i2h_kernel=3, h2h_kernel=3, activation='relu')),
    (crnn.Conv2DLSTMCell, (2, 5, 5), x2, dict(i2h_kernel=(3, 1), h2h_kernel=3, i2h_pad=(1, 0))),
    (crnn.Conv2DGRUCell, (2, 5, 5), x2, dict(i2h_kernel=3, h2h_kernel=3, h2h_dilate=(2, 1))),
    (crnn.Conv3DRNNCell, (2, 3, 4, 4), x3, dict(i2h_kernel=(1, 3, 3), h2h_kernel=3)),
    (crnn.Conv3DLSTMCell, (2, 3, 4, 4), x3, dict(i2h_kernel=1, h2h_kernel=3)),
    (crnn.Conv3DGRUCell, (2, 3, 4, 4), x3, dict(i2h_kernel=(3, 3, 3), h2h_kernel=1, i2h_pad=1)),
]
for cls, shape, x, kw in specs:
    for hybrid in (False, True):
        cell = cls(shape, 2, **kw)
        cell.initialize()
        det_init(cell)
        if hybrid:
            cell.hybridize()
        states = cell.begin_state(batch_size=x.shape[0])
        out, states = cell(x, states)
        out, states = cell(x * 0.5, states)
        print(cls.__name__, hybrid, out.shape, [s.shape for s in states])
        print(out.reshape((-1,)).asnumpy().round(5).tolist())
        print(states[-1].reshape((-1,)).asnumpy().round(5).tolist())
