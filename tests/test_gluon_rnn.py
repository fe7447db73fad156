"""gluon.rnn: fused layers against the cells (an independent path through other
operators), hybridized against eager, save/load round trips and gradients."""
from __future__ import annotations

import numpy as np
import pytest

import mxcompat as mx
from mxcompat import autograd, nd
from mxcompat.gluon import rnn


def _fill(block, scale=0.4):
    for i, (_, p) in enumerate(sorted(block.collect_params().items())):
        n = int(np.prod(p.shape))
        p.set_data((nd.sin(nd.arange(n) * 0.7 + i) * scale).reshape(p.shape))


def _copy_layer_to_cells(layer, cells):
    """Give unidirectional one-layer-per-cell cells the fused layer's weights."""
    for i, cell in enumerate(cells):
        for kind in ("i2h_weight", "h2h_weight", "i2h_bias", "h2h_bias"):
            getattr(cell, kind).set_data(getattr(layer, "l%d_%s" % (i, kind)).data())


X = nd.cos(nd.arange(5 * 2 * 3) * 0.3).reshape((5, 2, 3))   # TNC


@pytest.mark.parametrize("kind", ["lstm", "gru", "rnn_tanh"])
def test_layer_matches_cells_and_gradients_agree(kind):
    if kind == "lstm":
        layer, cells = rnn.LSTM(4, num_layers=2, input_size=3), [
            rnn.LSTMCell(4, input_size=3), rnn.LSTMCell(4, input_size=4)]
    elif kind == "gru":
        layer, cells = rnn.GRU(4, num_layers=2, input_size=3), [
            rnn.GRUCell(4, input_size=3), rnn.GRUCell(4, input_size=4)]
    else:
        layer, cells = rnn.RNN(4, num_layers=2, activation="tanh", input_size=3), [
            rnn.RNNCell(4, input_size=3), rnn.RNNCell(4, input_size=4)]
    seq = rnn.SequentialRNNCell()
    for c in cells:
        seq.add(c)
    layer.initialize()
    seq.initialize()
    _fill(layer)
    _copy_layer_to_cells(layer, cells)
    with autograd.record():
        out = layer(X)
        loss = (out * out).sum()
    loss.backward()
    with autograd.record():
        out_c, _ = seq.unroll(5, X, layout="TNC", merge_outputs=True)
        loss_c = (out_c * out_c).sum()
    loss_c.backward()
    np.testing.assert_allclose(out.asnumpy(), out_c.asnumpy(), rtol=1e-5, atol=1e-6)
    for i, cell in enumerate(cells):
        for k in ("i2h_weight", "h2h_weight", "i2h_bias", "h2h_bias"):
            np.testing.assert_allclose(getattr(layer, "l%d_%s" % (i, k)).grad().asnumpy(),
                                       getattr(cell, k).grad().asnumpy(), rtol=1e-4,
                                       atol=1e-5)


def test_hybridized_equals_eager_with_gradients():
    layer = rnn.LSTM(3, num_layers=2, bidirectional=True, layout="NTC", input_size=3)
    layer.initialize()
    _fill(layer)
    x = X.transpose((1, 0, 2))
    results = []
    for hybrid in (False, True):
        if hybrid:
            layer.hybridize()
        states = layer.begin_state(2)
        with autograd.record():
            out, new = layer(x, states)
            loss = (out * out).sum() + (new[1] * new[0]).sum()
        loss.backward()
        results.append([out.asnumpy(), new[0].asnumpy(), new[1].asnumpy()]
                       + [p.grad().asnumpy() for p in layer.collect_params().values()])
    for a, b in zip(*results):
        np.testing.assert_allclose(a, b, rtol=1e-5, atol=1e-6)
    # one compiled function per signature (recording or not): more calls add no entry
    layer(x)
    n = len(layer._cached.entries)
    layer(x)
    layer(x, layer.begin_state(2))
    assert len(layer._cached.entries) == n


def test_states_optional_and_single_array_state():
    layer = rnn.GRU(2, input_size=3)
    layer.initialize()
    layer.hybridize()
    out = layer(X)
    out2, st = layer(X, nd.zeros((1, 2, 2)))
    assert isinstance(out, mx.nd.NDArray) and isinstance(st, list)
    np.testing.assert_allclose(out.asnumpy(), out2.asnumpy())
    eager = rnn.GRU(2, input_size=3)
    eager.initialize()
    with pytest.raises(ValueError, match="Invalid recurrent state shape"):
        eager(X, nd.zeros((2, 2, 2)))


def test_save_load_round_trip(tmp_path):
    layer = rnn.LSTM(3, num_layers=2, bidirectional=True, projection_size=2)
    layer.initialize()
    ref = layer(X)  # deferred input size resolved here
    f = str(tmp_path / "lstm.params")
    layer.save_parameters(f)
    keys = set(nd.load(f))
    assert "_unfused.0.l_cell.i2h_weight" in keys and "_unfused.1.r_cell.h2r_weight" in keys
    other = rnn.LSTM(3, num_layers=2, bidirectional=True, projection_size=2)
    other.load_parameters(f)
    assert other.l0_i2h_weight.shape == (12, 3)
    np.testing.assert_allclose(other(X).asnumpy(), ref.asnumpy(), rtol=1e-6)
    cell = rnn.GRUCell(2, input_size=3)
    cell.initialize()
    cell.save_parameters(f)
    back = rnn.GRUCell(2, input_size=3)
    back.load_parameters(f)
    np.testing.assert_array_equal(back.h2h_weight.data().asnumpy(),
                                  cell.h2h_weight.data().asnumpy())


def test_layer_dropout_in_training_only():
    layer = rnn.GRU(3, num_layers=2, dropout=0.5, input_size=3)
    layer.initialize()
    _fill(layer)
    plain = layer(X).asnumpy()
    with autograd.record():
        dropped = layer(X)
    dropped.backward()
    assert not np.allclose(dropped.asnumpy(), plain)
    assert np.all(np.isfinite(layer.l0_i2h_weight.grad().asnumpy()))


def test_cells_hybridized_and_bidirectional_unroll():
    bi = rnn.BidirectionalCell(rnn.LSTMCell(2, input_size=3), rnn.GRUCell(2, input_size=3))
    bi.initialize()
    _fill(bi)
    x = X.transpose((1, 0, 2))
    eager, st = bi.unroll(5, x, merge_outputs=True, valid_length=nd.array([5, 3]))
    bi.hybridize()
    hyb, st2 = bi.unroll(5, x, merge_outputs=True, valid_length=nd.array([5, 3]))
    np.testing.assert_allclose(eager.asnumpy(), hyb.asnumpy(), rtol=1e-5, atol=1e-6)
    assert np.all(eager.asnumpy()[1, 3:] == 0)
    assert len(st) == 3 and all(a.shape == (2, 2) for a in st)
    # the reverse direction of sequence 1 starts at its last valid step (t = 2): it equals
    # a plain run over the first 3 steps
    short, _ = bi.unroll(3, x[1:2, :3], merge_outputs=True)
    np.testing.assert_allclose(eager.asnumpy()[1:2, :3], short.asnumpy(), rtol=1e-5,
                               atol=1e-6)


def test_zoneout_and_residual_cells():
    base = rnn.RNNCell(3, input_size=3)
    res = rnn.ResidualCell(base)
    res.initialize()
    x = X.transpose((1, 0, 2))
    out, _ = res.unroll(5, x, merge_outputs=True)
    plain_base = rnn.RNNCell(3, input_size=3, params=base.collect_params())
    plain, _ = plain_base.unroll(5, x, merge_outputs=True)
    np.testing.assert_allclose(out.asnumpy(), (plain + x).asnumpy(), rtol=1e-6)
    with pytest.raises(AssertionError, match="modifier cells"):
        base.begin_state(2)
    zone = rnn.ZoneoutCell(rnn.GRUCell(3, input_size=3), 0.5, 0.5)
    zone.initialize()
    eval_out, _ = zone.unroll(5, x, merge_outputs=True)   # predict mode: no zoneout
    with autograd.train_mode():
        train_out, _ = zone.unroll(5, x, merge_outputs=True)
    assert eval_out.shape == train_out.shape == (2, 5, 3)
    assert not np.allclose(eval_out.asnumpy(), train_out.asnumpy())
