"""The fused ``RNN`` operator: stacked, optionally bidirectional RNN/LSTM/GRU layers.

All weights arrive in one flat ``parameters`` vector packed as MXNet (and cuDNN) pack it:
first every weight matrix -- per layer, per direction: the input-to-hidden matrix, the
hidden-to-hidden matrix and, for a projected LSTM, the projection matrix -- then every bias
vector in the same order (input-to-hidden, then hidden-to-hidden). Gates are stacked in
the order i, f, g, o (LSTM) and r, z, n (GRU); GRU's candidate uses ``r * (W_hn h + b_hn)``.

Each layer runs as one ``lax.scan`` over time with both directions stacked on a leading
axis, after a single matrix product that applies the input weights to every step at once.
"""
from __future__ import annotations

import jax
import jax.numpy as jnp
from jax import lax

from .._backend import rng as _rng
from .._backend.dtypes import DTYPE_TO_CODE
from ..base import MXNetError
from .attrs import Bool, Enum, Float, Int, OptFloat, OptInt
from .nn import _acc_dtype, _dname, _int_index, _n_inputs_error, _require_float, _shape_mismatch
from .registry import register

__all__ = ["param_size", "gates_of"]

_GATES = {"rnn_relu": 1, "rnn_tanh": 1, "lstm": 4, "gru": 3}


def gates_of(mode: str) -> int:
    """Number of gate blocks stacked in each weight matrix of ``mode``."""
    return _GATES[mode]


def _layer_shapes(mode, num_layers, dirs, input_size, hidden, proj):
    """Per (layer, direction): (i2h weight shape, h2h weight shape, projection shape|None)."""
    g = _GATES[mode]
    out_h = proj or hidden
    shapes = []
    for layer in range(num_layers):
        ins = input_size if layer == 0 else out_h * dirs
        for _ in range(dirs):
            shapes.append(((g * hidden, ins), (g * hidden, out_h),
                           (proj, hidden) if proj else None))
    return shapes


def param_size(mode: str, num_layers: int, input_size: int, hidden: int,
               bidirectional: bool = False, projection_size: int | None = None) -> int:
    """Length of the flat parameter vector MXNet expects for these settings."""
    dirs = 2 if bidirectional else 1
    n = 0
    for wx, wh, wr in _layer_shapes(mode, num_layers, dirs, input_size, hidden,
                                    projection_size):
        n += wx[0] * wx[1] + wh[0] * wh[1] + (wr[0] * wr[1] if wr else 0) + 2 * wx[0]
    return n


def _unpack(flat, mode, num_layers, dirs, input_size, hidden, proj):
    """Slice the flat vector into per-layer lists of direction-stacked arrays."""
    shapes = _layer_shapes(mode, num_layers, dirs, input_size, hidden, proj)
    pos = 0
    weights = []
    for wx, wh, wr in shapes:
        mats = []
        for s in (wx, wh, wr):
            if s is None:
                mats.append(None)
                continue
            n = s[0] * s[1]
            mats.append(flat[pos:pos + n].reshape(s))
            pos += n
        weights.append(mats)
    biases = []
    for wx, _, _ in shapes:
        n = wx[0]
        biases.append((flat[pos:pos + n], flat[pos + n:pos + 2 * n]))
        pos += 2 * n
    layers = []
    for layer in range(num_layers):
        sl = slice(layer * dirs, (layer + 1) * dirs)
        ws, bs = weights[sl], biases[sl]
        wr = jnp.stack([w[2] for w in ws]) if proj else None
        layers.append((jnp.stack([w[0] for w in ws]), jnp.stack([w[1] for w in ws]), wr,
                       jnp.stack([b[0] for b in bs]), jnp.stack([b[1] for b in bs])))
    return layers


def _reverse_within(x, length):
    """Reverse each sequence's first ``length`` steps (axis 0 is time, axis 1 batch)."""
    if length is None:
        return jnp.flip(x, 0)
    t = x.shape[0]
    pos = jnp.arange(t, dtype=jnp.int32)[:, None]
    src = jnp.where(pos < length[None, :], length[None, :] - 1 - pos, pos)
    return jnp.take_along_axis(x, src[:, :, None], axis=0)


def _step_fn(mode, clip):
    """The recurrence for one time step over direction-stacked state."""
    def h2h(h, wh, bh):
        return jnp.einsum("dnh,dgh->dng", h, wh) + bh[:, None, :]

    if mode in ("rnn_tanh", "rnn_relu"):
        act = jnp.tanh if mode == "rnn_tanh" else jax.nn.relu

        def step(h, c, gx, wh, bh):
            return act(gx + h2h(h, wh, bh)), c, None
    elif mode == "lstm":
        def step(h, c, gx, wh, bh):
            i, f, g, o = jnp.split(gx + h2h(h, wh, bh), 4, axis=-1)
            c = jax.nn.sigmoid(f) * c + jax.nn.sigmoid(i) * jnp.tanh(g)
            if clip is not None:
                lo, hi, nan_to_min = clip
                if nan_to_min:
                    c = jnp.where(jnp.isnan(c), lo, c)
                c = jnp.clip(c, lo, hi)
            return jax.nn.sigmoid(o) * jnp.tanh(c), c, None
    else:  # gru
        def step(h, c, gx, wh, bh):
            xr, xz, xn = jnp.split(gx, 3, axis=-1)
            hr, hz, hn = jnp.split(h2h(h, wh, bh), 3, axis=-1)
            r = jax.nn.sigmoid(xr + hr)
            z = jax.nn.sigmoid(xz + hz)
            n = jnp.tanh(xn + r * hn)
            return (1.0 - z) * n + z * h, c, None
    return step


def _run_layer(x, h0, c0, params, mode, length, clip):
    """One layer, all directions: x (T, N, F) -> out (T, N, D*Hout), h (D, N, Hout), c."""
    wx, wh, wr, bx, bh = params
    dirs = wx.shape[0]
    seqs = [x] if dirs == 1 else [x, _reverse_within(x, length)]
    xs = jnp.stack(seqs)                                          # (D, T, N, F)
    gx = jnp.einsum("dtnf,dgf->tdng", xs, wx) + bx[None, :, None, :]
    step = _step_fn(mode, clip)
    t_idx = jnp.arange(x.shape[0], dtype=jnp.int32)

    def body(carry, inp):
        h, c = carry
        g, t = inp
        hn, cn, _ = step(h, c, g, wh, bh)
        if wr is not None:
            hn = jnp.einsum("dnh,dph->dnp", hn, wr)
        if length is not None:  # past its length a sequence keeps its state, outputs 0
            live = (t < length)[None, :, None]
            hn = jnp.where(live, hn, h)
            if c is not None:
                cn = jnp.where(live, cn, c)
            return (hn, cn), jnp.where(live, hn, 0.0).astype(hn.dtype)
        return (hn, cn), hn

    (h, c), ys = lax.scan(body, (h0, c0), (gx, t_idx))         # ys (T, D, N, Hout)
    outs = [ys[:, 0]]
    if dirs == 2:
        outs.append(_reverse_within(ys[:, 1], length))
    return jnp.concatenate(outs, axis=-1), h, c


def _rnn_check(arrays, attrs):
    mode = attrs["mode"]
    need = 3 + (mode == "lstm") + bool(attrs["use_sequence_length"])
    if len(arrays) != need:
        raise _n_inputs_error("RNN", len(arrays), need)
    data = arrays[0]
    if data.ndim != 3:
        raise MXNetError(f"Check failed: dshape.ndim() == 3U ({data.ndim} vs. 3) : Input data "
                         f"should be rank-3 tensor of dim [sequence length, batch size, input "
                         f"size]")
    _require_float(data)
    names = ("data", "parameters", "state") + (("state_cell",) if mode == "lstm" else ())
    for name, a in zip(names[1:], arrays[1:len(names)]):
        if a.dtype != data.dtype:
            raise MXNetError(
                f"Check failed: (*in_type)[i] == dtype ({DTYPE_TO_CODE[a.dtype]} vs. "
                f"{DTYPE_TO_CODE[data.dtype]}) : This layer requires uniform type. "
                f"Expected '{_dname(data.dtype)}' v.s. given '{_dname(a.dtype)}' at '{name}'")
    proj = attrs["projection_size"]
    if proj is not None and mode != "lstm":
        raise MXNetError("Check failed: param_.mode == rnn_enum::kLstm : projection is only "
                         "supported for LSTM")
    hidden, layers = attrs["state_size"], attrs["num_layers"]
    if layers < 1:
        raise MXNetError(f"Check failed: num_layers > 0 : RNN needs at least one layer, "
                         f"got num_layers={layers}")
    dirs = 2 if attrs["bidirectional"] else 1
    t, n, f = data.shape
    want = (param_size(mode, layers, f, hidden, attrs["bidirectional"], proj),)
    if tuple(arrays[1].shape) != want:
        raise _shape_mismatch(arrays[1].shape, want)
    want = (layers * dirs, n, proj or hidden)
    if tuple(arrays[2].shape) != want:
        raise _shape_mismatch(arrays[2].shape, want)
    if mode == "lstm":
        want = (layers * dirs, n, hidden)
        if tuple(arrays[3].shape) != want:
            raise _shape_mismatch(arrays[3].shape, want)
    if attrs["use_sequence_length"] and tuple(arrays[-1].shape) != (n,):
        raise _shape_mismatch(arrays[-1].shape, (n,))
    if not 0.0 <= attrs["p"] <= 1.0:
        raise MXNetError(f"value {attrs['p']:g} for Parameter p exceed bound [0,1]")


def _n_outputs(attrs):
    if not attrs["state_outputs"]:
        return 1
    return 3 if attrs["mode"] == "lstm" else 2


def _wants_key(attrs, train):
    return bool(train) and attrs["p"] > 0 and attrs["num_layers"] > 1


@register("RNN", ("data", "parameters", "state", "state_cell", "sequence_length"),
          attrs={"state_size": Int(), "num_layers": Int(), "bidirectional": Bool(False),
                 "mode": Enum(("gru", "lstm", "rnn_relu", "rnn_tanh")), "p": Float(0.0),
                 "state_outputs": Bool(False), "projection_size": OptInt(None),
                 "lstm_state_clip_min": OptFloat(None), "lstm_state_clip_max": OptFloat(None),
                 "lstm_state_clip_nan": Bool(False), "use_sequence_length": Bool(False)},
          num_outputs=_n_outputs, same_dtype=False, check=_rnn_check, train_aware=True,
          params=("parameters",), needs_key=_wants_key)
def _rnn(data, parameters, state, *extra, state_size, num_layers, bidirectional, mode, p,
         state_outputs, projection_size, lstm_state_clip_min, lstm_state_clip_max,
         lstm_state_clip_nan, use_sequence_length, _train=False, key=None):
    """Stacked recurrent layers over a (T, N, C) sequence.

    Returns the last layer's outputs (T, N, D*H) and, with ``state_outputs``, the final
    hidden state of every layer and direction (L*D, N, H), plus the final cell state for
    LSTM. ``p`` drops the outputs of every layer but the last in training. With
    ``use_sequence_length`` steps past each sequence's length give zeros and the final
    state is the one at its length (as MXNet's cuDNN kernel; the reverse direction starts
    at the last valid step). The LSTM cell state is clipped to
    [lstm_state_clip_min, lstm_state_clip_max] when either bound is given."""
    extra = list(extra)
    cell = extra.pop(0) if mode == "lstm" else None
    length = None
    if use_sequence_length:
        length = jnp.clip(_int_index(lax.stop_gradient(extra.pop(0))), 0, data.shape[0])
    dirs = 2 if bidirectional else 1
    dt = data.dtype
    acc = _acc_dtype(dt)
    x = data.astype(acc)
    layers = _unpack(parameters.astype(acc), mode, num_layers, dirs, data.shape[2],
                     state_size, projection_size)
    clip = None
    if mode == "lstm" and (lstm_state_clip_min is not None
                           or lstm_state_clip_max is not None):
        lo = -jnp.inf if lstm_state_clip_min is None else lstm_state_clip_min
        hi = jnp.inf if lstm_state_clip_max is None else lstm_state_clip_max
        clip = (lo, hi, lstm_state_clip_nan)
    drop = _train and p > 0 and num_layers > 1
    keys = jax.random.split(_rng.as_key(key), num_layers) if drop else None
    hs, cs = [], []
    for li, lp in enumerate(layers):
        sl = slice(li * dirs, (li + 1) * dirs)
        c0 = cell[sl].astype(acc) if cell is not None else None
        x, h, c = _run_layer(x, state[sl].astype(acc), c0, lp, mode, length, clip)
        hs.append(h)
        cs.append(c)
        if drop and li < num_layers - 1:
            if p == 1.0:
                x = x * jnp.nan
            else:
                keep = jax.random.bernoulli(keys[li], 1.0 - p, x.shape)
                x = x * keep.astype(acc) / jnp.asarray(1.0 - p, acc)
    out = x.astype(dt)
    if not state_outputs:
        return out
    res = (out, jnp.concatenate(hs, 0).astype(dt))
    if mode == "lstm":
        res = res + (jnp.concatenate(cs, 0).astype(dt),)
    return res
