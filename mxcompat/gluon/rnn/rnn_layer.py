"""Fused recurrent layers: ``RNN``, ``LSTM`` and ``GRU``.

Each layer keeps one weight/bias Parameter per layer and direction (``l0_i2h_weight``,
``r0_h2h_bias``...) and, on every call, flattens and concatenates them into the single
parameter vector of the fused ``RNN`` operator, so a forward pass is one operator call
(and one compiled function when hybridized).
"""
from __future__ import annotations

import re

from ... import ndarray as nd
from ...ndarray.ndarray import NDArray
from ..block import HybridBlock
from .rnn_cell import make_state

__all__ = ["RNN", "LSTM", "GRU"]

_GATES = {"rnn_relu": 1, "rnn_tanh": 1, "lstm": 4, "gru": 3}
_SAVED_NAME = re.compile(r"(l|r)(\d+)_(i2h|h2h|h2r)_(weight|bias)\Z")


class _RNNLayer(HybridBlock):
    """Shared implementation of the fused layers."""

    def __init__(self, hidden_size, num_layers, layout, dropout, bidirectional, input_size,
                 i2h_weight_initializer, h2h_weight_initializer, i2h_bias_initializer,
                 h2h_bias_initializer, mode, projection_size, h2r_weight_initializer,
                 lstm_state_clip_min, lstm_state_clip_max, lstm_state_clip_nan, dtype,
                 use_sequence_length=False, **kwargs):
        super().__init__(**kwargs)
        assert layout in ("TNC", "NTC"), \
            "Invalid layout %s; must be one of ['TNC' or 'NTC']" % layout
        self._hidden_size = hidden_size
        self._projection_size = projection_size if projection_size else None
        self._num_layers = num_layers
        self._mode = mode
        self._layout = layout
        self._dropout = dropout
        self._dir = 2 if bidirectional else 1
        self._input_size = input_size
        self._i2h_weight_initializer = i2h_weight_initializer
        self._h2h_weight_initializer = h2h_weight_initializer
        self._i2h_bias_initializer = i2h_bias_initializer
        self._h2h_bias_initializer = h2h_bias_initializer
        self._h2r_weight_initializer = h2r_weight_initializer
        self._lstm_state_clip_min = lstm_state_clip_min
        self._lstm_state_clip_max = lstm_state_clip_max
        self._lstm_state_clip_nan = lstm_state_clip_nan
        self._dtype = dtype
        self._use_sequence_length = use_sequence_length
        self._gates = _GATES[mode]
        self.skip_states = None

        ng, nh, npj = self._gates, hidden_size, self._projection_size
        ni = input_size
        for i in range(num_layers):
            for d in ("l", "r")[:self._dir]:
                self._register_param("%s%d_i2h_weight" % (d, i), (ng * nh, ni),
                                     i2h_weight_initializer, dtype)
                self._register_param("%s%d_h2h_weight" % (d, i), (ng * nh, npj or nh),
                                     h2h_weight_initializer, dtype)
                self._register_param("%s%d_i2h_bias" % (d, i), (ng * nh,),
                                     i2h_bias_initializer, dtype)
                self._register_param("%s%d_h2h_bias" % (d, i), (ng * nh,),
                                     h2h_bias_initializer, dtype)
                if npj:
                    self._register_param("%s%d_h2r_weight" % (d, i), (npj, nh),
                                         h2r_weight_initializer, dtype)
            ni = (npj or nh) * self._dir

    def _register_param(self, name, shape, init, dtype):
        p = self.params.get(name, shape=shape, init=init, allow_deferred_init=True,
                            dtype=dtype)
        setattr(self, name, p)
        return p

    def __repr__(self) -> str:
        s = "{name}({mapping}, {_layout}"
        if self._num_layers != 1:
            s += ", num_layers={_num_layers}"
        if self._dropout != 0:
            s += ", dropout={_dropout}"
        if self._dir == 2:
            s += ", bidirectional"
        s += ")"
        shape = self.l0_i2h_weight.shape
        mapping = "{0} -> {1}".format(shape[1] if shape[1] else None, shape[0] // self._gates)
        return s.format(name=self.__class__.__name__, mapping=mapping, **self.__dict__)

    def _collect_params_with_prefix(self, prefix: str = "") -> dict:
        """Structural names as MXNet saves them (its older unfused layout):
        ``_unfused.<layer>.<gate>_<kind>``, or ``_unfused.<layer>.<l|r>_cell.<...>``
        when bidirectional."""
        if prefix:
            prefix += "."
        bidir = self._dir == 2
        ret = {}
        for key, val in self._reg_params.items():
            m = _SAVED_NAME.match(key)
            d, layer, g, t = m.groups()
            if bidir:
                name = "_unfused.%s.%s_cell.%s_%s" % (layer, d, g, t)
            else:
                name = "_unfused.%s.%s_%s" % (layer, g, t)
            ret[prefix + name] = val
        for name, child in self._children.items():
            ret.update(child._collect_params_with_prefix(prefix + name))
        return ret

    def state_info(self, batch_size: int = 0) -> list:
        """Shape, layout and dtype of each begin state."""
        raise NotImplementedError

    def cast(self, dtype) -> None:
        super().cast(dtype)
        self._dtype = dtype

    def begin_state(self, batch_size: int = 0, func=nd.zeros, **kwargs) -> list:
        """Initial states made by ``func`` (zeros by default) with ``state_info``'s shapes."""
        states = []
        for i, info in enumerate(self.state_info(batch_size)):
            if info is not None:
                info.update(kwargs)
            else:
                info = kwargs
            states.append(make_state(func, "%sh0_%d" % (self.prefix, i), info))
        return states

    def __call__(self, inputs, states=None, sequence_length=None, **kwargs):
        self.skip_states = states is None
        if states is None:
            if isinstance(inputs, NDArray):
                batch_size = inputs.shape[self._layout.find("N")]
                states = self.begin_state(batch_size, ctx=inputs.context, dtype=inputs.dtype)
            else:
                from ... import symbol
                states = self.begin_state(0, func=symbol.zeros)
        if isinstance(states, NDArray):
            states = [states]
        if self._use_sequence_length:
            out = super().__call__(inputs, states, sequence_length, **kwargs)
        else:
            out = super().__call__(inputs, states, **kwargs)
        # the compiled function always returns the states; dropping them here keeps one
        # compiled signature whether or not the caller passed states
        return out[0] if self.skip_states else out

    def infer_shape(self, inputs, *args) -> None:
        ni = inputs.shape[2]
        for d in ("l", "r")[:self._dir]:
            p = getattr(self, "%s0_i2h_weight" % d)
            p.shape = (p.shape[0], ni)

    def hybrid_forward(self, F, inputs, states, sequence_length=None, **kwargs):
        if isinstance(inputs, NDArray):
            for state, info in zip(states, self.state_info(inputs.shape[
                    self._layout.find("N")])):
                if tuple(state.shape) != info["shape"]:
                    raise ValueError("Invalid recurrent state shape. Expecting %s, got %s."
                                     % (str(info["shape"]), str(state.shape)))
        return self._forward_kernel(F, inputs, states, sequence_length, **kwargs)

    def _flat_params(self, F, kwargs):
        """Every parameter flattened, in the fused operator's packing order."""
        names = []
        for kind in ("weight", "bias"):
            for i in range(self._num_layers):
                for d in ("l", "r")[:self._dir]:
                    for g in ("i2h", "h2h", "h2r"):
                        if g == "h2r" and (kind == "bias" or not self._projection_size):
                            continue
                        names.append("%s%d_%s_%s" % (d, i, g, kind))
        return F._internal._rnn_param_concat(*[kwargs[n].reshape(-1) for n in names], dim=0)

    def _forward_kernel(self, F, inputs, states, sequence_length, **kwargs):
        if self._layout == "NTC":
            inputs = F.swapaxes(inputs, dim1=0, dim2=1)
        args = [inputs, self._flat_params(F, kwargs)] + list(states)
        if self._use_sequence_length:
            args.append(sequence_length)
        rnn = F.RNN(*args, use_sequence_length=self._use_sequence_length,
                    state_size=self._hidden_size, projection_size=self._projection_size,
                    num_layers=self._num_layers, bidirectional=self._dir == 2,
                    p=self._dropout, state_outputs=True, mode=self._mode,
                    lstm_state_clip_min=self._lstm_state_clip_min,
                    lstm_state_clip_max=self._lstm_state_clip_max,
                    lstm_state_clip_nan=self._lstm_state_clip_nan)
        outputs = rnn[0]
        new_states = [rnn[1], rnn[2]] if self._mode == "lstm" else [rnn[1]]
        if self._layout == "NTC":
            outputs = F.swapaxes(outputs, dim1=0, dim2=1)
        return outputs, new_states


class RNN(_RNNLayer):
    """Multi-layer Elman RNN with ``relu`` (default) or ``tanh`` activation.

    Input (T, N, C) for layout 'TNC' or (N, T, C) for 'NTC'; output with ``hidden_size``
    (times 2 when bidirectional) features; one state of shape (layers*dirs, N, hidden)."""

    def __init__(self, hidden_size, num_layers=1, activation="relu", layout="TNC", dropout=0,
                 bidirectional=False, i2h_weight_initializer=None,
                 h2h_weight_initializer=None, i2h_bias_initializer="zeros",
                 h2h_bias_initializer="zeros", input_size=0, dtype="float32", **kwargs):
        super().__init__(hidden_size, num_layers, layout, dropout, bidirectional, input_size,
                         i2h_weight_initializer, h2h_weight_initializer,
                         i2h_bias_initializer, h2h_bias_initializer, "rnn_" + activation,
                         None, None, None, None, False, dtype, **kwargs)

    def state_info(self, batch_size: int = 0) -> list:
        return [{"shape": (self._num_layers * self._dir, batch_size, self._hidden_size),
                 "__layout__": "LNC", "dtype": self._dtype}]


class LSTM(_RNNLayer):
    """Multi-layer LSTM (gates i, f, g, o), optionally with a projection of the hidden
    state (``projection_size``) and clipping of the cell state. States: hidden
    (layers*dirs, N, projection_size or hidden_size) and cell (layers*dirs, N, hidden)."""

    def __init__(self, hidden_size, num_layers=1, layout="TNC", dropout=0, bidirectional=False,
                 input_size=0, i2h_weight_initializer=None, h2h_weight_initializer=None,
                 i2h_bias_initializer="zeros", h2h_bias_initializer="zeros",
                 projection_size=None, h2r_weight_initializer=None, state_clip_min=None,
                 state_clip_max=None, state_clip_nan=False, dtype="float32", **kwargs):
        super().__init__(hidden_size, num_layers, layout, dropout, bidirectional, input_size,
                         i2h_weight_initializer, h2h_weight_initializer,
                         i2h_bias_initializer, h2h_bias_initializer, "lstm", projection_size,
                         h2r_weight_initializer, state_clip_min, state_clip_max,
                         state_clip_nan, dtype, **kwargs)

    def state_info(self, batch_size: int = 0) -> list:
        n = self._num_layers * self._dir
        h = self._projection_size or self._hidden_size
        return [{"shape": (n, batch_size, h), "__layout__": "LNC", "dtype": self._dtype},
                {"shape": (n, batch_size, self._hidden_size), "__layout__": "LNC",
                 "dtype": self._dtype}]


class GRU(_RNNLayer):
    """Multi-layer GRU (gates r, z, n; the candidate uses ``r * (W_hn h + b_hn)``).
    One state of shape (layers*dirs, N, hidden_size)."""

    def __init__(self, hidden_size, num_layers=1, layout="TNC", dropout=0, bidirectional=False,
                 input_size=0, i2h_weight_initializer=None, h2h_weight_initializer=None,
                 i2h_bias_initializer="zeros", h2h_bias_initializer="zeros", dtype="float32",
                 **kwargs):
        super().__init__(hidden_size, num_layers, layout, dropout, bidirectional, input_size,
                         i2h_weight_initializer, h2h_weight_initializer,
                         i2h_bias_initializer, h2h_bias_initializer, "gru", None, None, None,
                         None, False, dtype, **kwargs)

    def state_info(self, batch_size: int = 0) -> list:
        return [{"shape": (self._num_layers * self._dir, batch_size, self._hidden_size),
                 "__layout__": "LNC", "dtype": self._dtype}]
