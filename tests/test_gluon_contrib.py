"""gluon.contrib: layers and cells give the same numbers eager and hybridized; the
Estimator loop trains; unsupported pieces raise NotImplementedError."""
import numpy as np
import pytest

import mxcompat as mx
from mxcompat import gluon, nd
from mxcompat.gluon import nn, rnn
from mxcompat.gluon.contrib import nn as cnn
from mxcompat.gluon.contrib import rnn as crnn


def _both(make, *inputs):
    outs = []
    for hybrid in (False, True):
        block = make()
        block.initialize(mx.init.Constant(0.05))
        if hybrid:
            block.hybridize()
        out = block(*inputs)
        outs.append(out[0] if isinstance(out, (list, tuple)) else out)
    np.testing.assert_allclose(outs[0].asnumpy(), outs[1].asnumpy(), rtol=1e-5, atol=1e-6)
    return outs[0]


def test_layers_hybrid_matches_eager():
    x = nd.arange(48).reshape((2, 24)) / 48.0

    def conc():
        c = cnn.HybridConcurrent(axis=1)
        with c.name_scope():
            c.add(nn.Dense(3), cnn.Identity(), nn.Dense(2, activation="tanh"))
        return c

    assert _both(conc, x).shape == (2, 29)
    x4 = nd.arange(2 * 8 * 2 * 3).reshape((2, 8, 2, 3))
    out = _both(lambda: cnn.PixelShuffle2D(2), x4)
    assert out.shape == (2, 2, 4, 6)
    x5 = nd.arange(2 * 8 * 1 * 2 * 2).reshape((2, 8, 1, 2, 2))
    assert _both(lambda: cnn.PixelShuffle3D(2), x5).shape == (2, 1, 2, 4, 4)
    assert _both(lambda: cnn.PixelShuffle1D(4), x4.reshape((2, 8, 6))).shape == (2, 2, 24)
    bn = _both(lambda: cnn.SyncBatchNorm(num_devices=1), x4)
    assert bn.shape == x4.shape


def test_cells_hybrid_matches_eager():
    x = nd.arange(2 * 3 * 6).reshape((2, 3, 6)) / 36.0
    for make in (lambda: crnn.Conv1DRNNCell((3, 6), 2, 3, 3, i2h_pad=1),
                 lambda: crnn.Conv1DLSTMCell((3, 6), 2, 3, 3),
                 lambda: crnn.Conv1DGRUCell((3, 6), 2, 1, 3)):
        cell = make()
        states = cell.begin_state(batch_size=2)
        _both(make, x, states)
    xs = nd.arange(10).reshape((2, 5)) / 10.0
    lstmp = crnn.LSTMPCell(4, 3)
    _both(lambda: crnn.LSTMPCell(4, 3), xs, lstmp.begin_state(batch_size=2))


def test_variational_dropout_shares_mask():
    cell = crnn.VariationalDropoutCell(rnn.RNNCell(4), drop_inputs=0.5, drop_states=0.5,
                                       drop_outputs=0.5)
    cell.initialize(mx.init.Constant(0.3))
    with mx.autograd.train_mode():
        out, _ = cell.unroll(5, nd.ones((3, 5, 2)), merge_outputs=True)
    zero = (out == 0).asnumpy()
    assert (zero == zero[:, :1, :]).all()


def test_sparse_embedding_not_implemented():
    with pytest.raises(NotImplementedError):
        cnn.SparseEmbedding(10, 4)


def test_estimator_reduces_loss(tmp_path):
    from mxcompat.gluon.contrib.estimator import CheckpointHandler, Estimator
    x = nd.arange(40).reshape((20, 2)) / 40.0
    y = x[:, 0] - x[:, 1] * 0.5
    data = gluon.data.DataLoader(gluon.data.ArrayDataset(x, y), batch_size=5)
    net = nn.Dense(1)
    net.initialize(mx.init.Zero())
    trainer = gluon.Trainer(net.collect_params(), "sgd", {"learning_rate": 0.5})
    est = Estimator(net, gluon.loss.L2Loss(), trainer=trainer)
    est.logger.disabled = True
    est.fit(data, epochs=1)
    first = est.train_metrics[0].get()[1]
    est.fit(data, epochs=3,
            event_handlers=[CheckpointHandler(str(tmp_path), epoch_period=1)])
    assert est.train_metrics[0].get()[1] < first
    assert (tmp_path / "model-epoch2batch12.params").exists()
