"""Recurrent cells: one time step per call, ``unroll`` for a whole sequence.

Cells (``RNNCell``, ``LSTMCell``, ``GRUCell``) hold ``i2h``/``h2h`` weights and biases;
containers (``SequentialRNNCell``, ``BidirectionalCell``) and modifiers (``DropoutCell``,
``ResidualCell``, ``ZoneoutCell``) combine them, with MXNet's names and semantics.
"""
from __future__ import annotations

from ... import ndarray as nd
from ...ndarray.ndarray import NDArray
from ..block import Block, HybridBlock, _indent

__all__ = ["RecurrentCell", "HybridRecurrentCell", "RNNCell", "LSTMCell", "GRUCell",
           "SequentialRNNCell", "HybridSequentialRNNCell", "DropoutCell", "ModifierCell",
           "ZoneoutCell", "ResidualCell", "BidirectionalCell"]


# ----------------------------------------------------------------------------- helpers
def make_state(func, name: str, info: dict):
    """``func(name=..., **info)`` as MXNet calls it to create a begin state.

    MXNet's own creation functions accept and ignore ``name`` and hidden ``__attr__``
    keywords such as ``__layout__``; mxcompat's reject them for now, so they are left out
    for functions of ``mxcompat.ndarray`` and passed to any other callable."""
    if getattr(func, "__module__", "").startswith("mxcompat.ndarray"):
        return func(**{k: v for k, v in info.items()
                       if not (k.startswith("__") and k.endswith("__"))})
    return func(name=name, **info)


def _as_list(x) -> list:
    return list(x) if isinstance(x, (list, tuple)) else [x]


def _children_state_info(cells, batch_size) -> list:
    return sum((c.state_info(batch_size) for c in cells), [])


def _children_begin_state(cells, **kwargs) -> list:
    return sum((c.begin_state(**kwargs) for c in cells), [])


def _format_sequence(length, inputs, layout, merge, in_layout=None):
    """Bring ``inputs`` (one array or a list of per-step arrays) to the requested form:
    a merged array with time on ``layout``'s axis (merge True), a list of steps (merge
    False), or as given (None). Returns (inputs, time axis, F, batch size)."""
    assert inputs is not None, \
        "unroll(inputs=None) has been deprecated. Please create input variables outside unroll."
    axis = layout.find("T")
    batch_axis = layout.find("N")
    in_axis = in_layout.find("T") if in_layout is not None else axis
    if isinstance(inputs, NDArray):
        batch_size = inputs.shape[batch_axis]
        if merge is False:
            assert length is None or length == inputs.shape[in_axis]
            inputs = _as_list(nd.split(inputs, axis=in_axis, num_outputs=inputs.shape[in_axis],
                                       squeeze_axis=1))
    elif isinstance(inputs, (list, tuple)):
        if not all(isinstance(i, NDArray) for i in inputs):
            raise NotImplementedError("recurrent cells on Symbols (mx.sym) are not supported "
                                      "by mxcompat")
        assert length is None or len(inputs) == length
        batch_size = inputs[0].shape[batch_axis]  # (MXNet reads the step array this way)
        if merge is True:
            inputs = nd.stack(*inputs, axis=axis)
            in_axis = axis
    else:
        raise NotImplementedError("recurrent cells on Symbols (mx.sym) are not supported by "
                                  "mxcompat")
    if isinstance(inputs, NDArray) and axis != in_axis:
        inputs = nd.swapaxes(inputs, dim1=axis, dim2=in_axis)
    return inputs, axis, nd, batch_size


def _get_begin_state(cell, begin_state, inputs, batch_size):
    if begin_state is None:
        ctx = inputs.context if isinstance(inputs, NDArray) else inputs[0].context
        with ctx:
            begin_state = cell.begin_state(func=nd.zeros, batch_size=batch_size)
    return begin_state


def _mask_variable_length(data, length, valid_length, time_axis, merge):
    """Zero the steps at or past each sequence's valid length."""
    assert valid_length is not None
    if not isinstance(data, NDArray):
        data = nd.stack(*data, axis=time_axis)
    out = nd.SequenceMask(data, sequence_length=valid_length, use_sequence_length=True,
                          axis=time_axis)
    if not merge:
        out = _as_list(nd.split(out, num_outputs=length, axis=time_axis, squeeze_axis=True))
    return out


def _reverse_steps(steps, length, valid_length=None) -> list:
    """The list of steps reversed (each sequence within its valid length)."""
    if valid_length is None:
        return list(reversed(steps))
    rev = nd.SequenceReverse(nd.stack(*steps, axis=0), sequence_length=valid_length,
                             use_sequence_length=True)
    if length > 1:
        return _as_list(nd.split(rev, axis=0, num_outputs=length, squeeze_axis=True))
    return [rev[0]]


def _activate(F, x, activation, **kwargs):
    if isinstance(activation, str):
        named = {"tanh": F.tanh, "relu": F.relu, "sigmoid": F.sigmoid,
                 "softsign": F.softsign}
        if activation in named:
            return named[activation](x, **kwargs)
        return F.Activation(x, act_type=activation, **kwargs)
    if isinstance(activation, Block):
        return activation(x)
    return activation(x, **kwargs)


# ----------------------------------------------------------------------------- base classes
class RecurrentCell(Block):
    """Base of the recurrent cells: ``cell(x, states) -> (output, new_states)``."""

    def __init__(self, prefix=None, params=None):
        super().__init__(prefix=prefix, params=params)
        self._modified = False
        self.reset()

    def reset(self) -> None:
        """Forget the step counters (before unrolling a new sequence)."""
        self._init_counter = -1
        self._counter = -1
        for cell in self._children.values():
            cell.reset()

    def state_info(self, batch_size: int = 0) -> list:
        """Shape and layout of each state."""
        raise NotImplementedError()

    def begin_state(self, batch_size: int = 0, func=nd.zeros, **kwargs) -> list:
        """Initial states made by ``func`` (zeros by default)."""
        assert not self._modified, \
            "After applying modifier cells (e.g. ZoneoutCell) the base cell cannot be " \
            "called directly. Call the modifier cell instead."
        states = []
        for info in self.state_info(batch_size):
            self._init_counter += 1
            if info is not None:
                info.update(kwargs)
            else:
                info = kwargs
            states.append(make_state(func, "%sbegin_state_%d" % (self._prefix,
                                                                   self._init_counter), info))
        return states

    def unroll(self, length, inputs, begin_state=None, layout="NTC", merge_outputs=None,
               valid_length=None):
        """Run ``length`` steps; returns (outputs, final states).

        ``inputs``: one array with time on ``layout``'s T axis, or a list of steps.
        ``merge_outputs``: True gives one array, False a list, None follows the inputs.
        ``valid_length``: per-sequence lengths; later steps give zeros and the states are
        the ones at each sequence's last valid step."""
        self.reset()
        inputs, axis, F, batch_size = _format_sequence(length, inputs, layout, False)
        states = _get_begin_state(self, begin_state, inputs, batch_size)
        outputs, history = [], []
        for i in range(length):
            output, states = self(inputs[i], states)
            outputs.append(output)
            if valid_length is not None:
                history.append(states)
        if valid_length is not None:
            states = [F.SequenceLast(F.stack(*per_step, axis=0), sequence_length=valid_length,
                                     use_sequence_length=True, axis=0)
                      for per_step in zip(*history)]
            outputs = _mask_variable_length(outputs, length, valid_length, axis, True)
        outputs, _, _, _ = _format_sequence(length, outputs, layout, merge_outputs)
        return outputs, states

    def _get_activation(self, F, inputs, activation, **kwargs):
        return _activate(F, inputs, activation, **kwargs)

    def forward(self, inputs, states):
        """One step."""
        self._counter += 1
        return super().forward(inputs, states)


class HybridRecurrentCell(RecurrentCell, HybridBlock):
    """A recurrent cell written as ``hybrid_forward`` (can be hybridized)."""

    def __init__(self, prefix=None, params=None):
        super().__init__(prefix=prefix, params=params)

    def hybrid_forward(self, F, x, *args, **kwargs):
        raise NotImplementedError


def _mapping(weight, div=1) -> str:
    shape = weight.shape
    return "{0} -> {1}".format(shape[1] if shape[1] else None, shape[0] // div)


class _GatedCell(HybridRecurrentCell):
    """i2h/h2h weights and biases with ``gates`` stacked blocks of ``hidden_size`` rows."""

    _n_gates = 1

    def __init__(self, hidden_size, i2h_weight_initializer, h2h_weight_initializer,
                 i2h_bias_initializer, h2h_bias_initializer, input_size, prefix, params):
        super().__init__(prefix=prefix, params=params)
        self._hidden_size = hidden_size
        self._input_size = input_size
        g = self._n_gates * hidden_size
        self.i2h_weight = self.params.get("i2h_weight", shape=(g, input_size),
                                          init=i2h_weight_initializer,
                                          allow_deferred_init=True)
        self.h2h_weight = self.params.get("h2h_weight", shape=(g, hidden_size),
                                          init=h2h_weight_initializer,
                                          allow_deferred_init=True)
        self.i2h_bias = self.params.get("i2h_bias", shape=(g,), init=i2h_bias_initializer,
                                        allow_deferred_init=True)
        self.h2h_bias = self.params.get("h2h_bias", shape=(g,), init=h2h_bias_initializer,
                                        allow_deferred_init=True)

    def infer_shape(self, inputs, *args) -> None:
        self.i2h_weight.shape = (self.i2h_weight.shape[0], inputs.shape[-1])

    def _projections(self, F, inputs, h, i2h_weight, h2h_weight, i2h_bias, h2h_bias):
        n = self._n_gates * self._hidden_size
        prefix = "t%d_" % self._counter
        i2h = F.FullyConnected(inputs, i2h_weight, i2h_bias, num_hidden=n, name=prefix + "i2h")
        h2h = F.FullyConnected(h, h2h_weight, h2h_bias, num_hidden=n, name=prefix + "h2h")
        return i2h, h2h


# ----------------------------------------------------------------------------- cells
class RNNCell(_GatedCell):
    """Elman cell: ``h' = activation(W_i x + b_i + W_h h + b_h)``."""

    def __init__(self, hidden_size, activation="tanh", i2h_weight_initializer=None,
                 h2h_weight_initializer=None, i2h_bias_initializer="zeros",
                 h2h_bias_initializer="zeros", input_size=0, prefix=None, params=None):
        self._activation = activation
        super().__init__(hidden_size, i2h_weight_initializer, h2h_weight_initializer,
                         i2h_bias_initializer, h2h_bias_initializer, input_size, prefix,
                         params)

    def _alias(self) -> str:
        return "rnn"

    def state_info(self, batch_size: int = 0) -> list:
        return [{"shape": (batch_size, self._hidden_size), "__layout__": "NC"}]

    def __repr__(self) -> str:
        return "{}({}, {})".format(type(self).__name__, _mapping(self.i2h_weight),
                                   self._activation)

    def hybrid_forward(self, F, inputs, states, i2h_weight, h2h_weight, i2h_bias, h2h_bias):
        i2h, h2h = self._projections(F, inputs, states[0], i2h_weight, h2h_weight, i2h_bias,
                                     h2h_bias)
        out = self._get_activation(F, F.elemwise_add(i2h, h2h), self._activation)
        return out, [out]


class LSTMCell(_GatedCell):
    """LSTM cell (gates i, f, g, o); states [h, c]."""

    _n_gates = 4

    def __init__(self, hidden_size, i2h_weight_initializer=None, h2h_weight_initializer=None,
                 i2h_bias_initializer="zeros", h2h_bias_initializer="zeros", input_size=0,
                 prefix=None, params=None, activation="tanh", recurrent_activation="sigmoid"):
        super().__init__(hidden_size, i2h_weight_initializer, h2h_weight_initializer,
                         i2h_bias_initializer, h2h_bias_initializer, input_size, prefix,
                         params)
        self._activation = activation
        self._recurrent_activation = recurrent_activation

    def _alias(self) -> str:
        return "lstm"

    def state_info(self, batch_size: int = 0) -> list:
        return [{"shape": (batch_size, self._hidden_size), "__layout__": "NC"},
                {"shape": (batch_size, self._hidden_size), "__layout__": "NC"}]

    def __repr__(self) -> str:
        return "{}({})".format(type(self).__name__, _mapping(self.i2h_weight))

    def hybrid_forward(self, F, inputs, states, i2h_weight, h2h_weight, i2h_bias, h2h_bias):
        i2h, h2h = self._projections(F, inputs, states[0], i2h_weight, h2h_weight, i2h_bias,
                                     h2h_bias)
        gi, gf, gg, go = F.SliceChannel(F.elemwise_add(i2h, h2h), num_outputs=4)
        rec = self._recurrent_activation
        c = F.elemwise_add(F.elemwise_mul(self._get_activation(F, gf, rec), states[1]),
                           F.elemwise_mul(self._get_activation(F, gi, rec),
                                          self._get_activation(F, gg, self._activation)))
        h = F.elemwise_mul(self._get_activation(F, go, rec),
                           self._get_activation(F, c, self._activation))
        return h, [h, c]


class GRUCell(_GatedCell):
    """GRU cell (gates r, z, n; ``n = tanh(W_in x + b_in + r * (W_hn h + b_hn))``)."""

    _n_gates = 3

    def __init__(self, hidden_size, i2h_weight_initializer=None, h2h_weight_initializer=None,
                 i2h_bias_initializer="zeros", h2h_bias_initializer="zeros", input_size=0,
                 prefix=None, params=None):
        super().__init__(hidden_size, i2h_weight_initializer, h2h_weight_initializer,
                         i2h_bias_initializer, h2h_bias_initializer, input_size, prefix,
                         params)

    def _alias(self) -> str:
        return "gru"

    def state_info(self, batch_size: int = 0) -> list:
        return [{"shape": (batch_size, self._hidden_size), "__layout__": "NC"}]

    def __repr__(self) -> str:
        return "{}({})".format(type(self).__name__, _mapping(self.i2h_weight))

    def hybrid_forward(self, F, inputs, states, i2h_weight, h2h_weight, i2h_bias, h2h_bias):
        h = states[0]
        i2h, h2h = self._projections(F, inputs, h, i2h_weight, h2h_weight, i2h_bias, h2h_bias)
        xr, xz, xn = F.SliceChannel(i2h, num_outputs=3)
        hr, hz, hn = F.SliceChannel(h2h, num_outputs=3)
        r = F.sigmoid(F.elemwise_add(xr, hr))
        z = F.sigmoid(F.elemwise_add(xz, hz))
        n = F.tanh(F.elemwise_add(xn, F.elemwise_mul(r, hn)))
        new = F.elemwise_add(F.elemwise_mul(F.ones_like(z) - z, n), F.elemwise_mul(z, h))
        return new, [new]


# ----------------------------------------------------------------------------- containers
def _sequential_repr(self) -> str:
    body = "\n".join("({i}): {m}".format(i=i, m=_indent(repr(m), 2))
                     for i, m in self._children.items())
    return "{name}(\n{body}\n)".format(name=type(self).__name__, body=body)


class _SequentialMixin:
    """Stacking behaviour shared by the plain and the hybrid sequential cell."""

    def add(self, cell) -> None:
        """Append a cell."""
        self.register_child(cell)

    def state_info(self, batch_size: int = 0) -> list:
        return _children_state_info(self._children.values(), batch_size)

    def begin_state(self, **kwargs) -> list:
        assert not self._modified, \
            "After applying modifier cells (e.g. ZoneoutCell) the base cell cannot be " \
            "called directly. Call the modifier cell instead."
        return _children_begin_state(self._children.values(), **kwargs)

    def _step(self, inputs, states):
        self._counter += 1
        new_states, p = [], 0
        for cell in self._children.values():
            assert not isinstance(cell, BidirectionalCell)
            n = len(cell.state_info())
            inputs, st = cell(inputs, states[p:p + n])
            p += n
            new_states.append(st)
        return inputs, sum(new_states, [])

    def unroll(self, length, inputs, begin_state=None, layout="NTC", merge_outputs=None,
               valid_length=None):
        self.reset()
        inputs, _, _, batch_size = _format_sequence(length, inputs, layout, None)
        begin_state = _get_begin_state(self, begin_state, inputs, batch_size)
        cells = list(self._children.values())
        p, final = 0, []
        for i, cell in enumerate(cells):
            n = len(cell.state_info())
            inputs, st = cell.unroll(length, inputs=inputs, begin_state=begin_state[p:p + n],
                                     layout=layout,
                                     merge_outputs=None if i < len(cells) - 1 else merge_outputs,
                                     valid_length=valid_length)
            p += n
            final.extend(st)
        return inputs, final

    def __getitem__(self, i):
        return self._children[str(i)]

    def __len__(self) -> int:
        return len(self._children)

    __repr__ = _sequential_repr


class SequentialRNNCell(_SequentialMixin, RecurrentCell):
    """Cells stacked: each step feeds the output of one cell to the next."""

    def __init__(self, prefix=None, params=None):
        super().__init__(prefix=prefix, params=params)

    def __call__(self, inputs, states):
        return self._step(inputs, states)


class HybridSequentialRNNCell(_SequentialMixin, HybridRecurrentCell):
    """Hybridizable cells stacked: each step feeds one cell's output to the next."""

    def __init__(self, prefix=None, params=None):
        super().__init__(prefix=prefix, params=params)

    def __call__(self, inputs, states):
        return self._step(inputs, states)

    def hybrid_forward(self, F, inputs, states):
        return self._step(inputs, states)


class DropoutCell(HybridRecurrentCell):
    """Dropout on the inputs of each step (no state)."""

    def __init__(self, rate, axes=(), prefix=None, params=None):
        super().__init__(prefix, params)
        assert isinstance(rate, (int, float)), "rate must be a number"
        self._rate = float(rate) if not isinstance(rate, int) else rate
        self._axes = axes

    def __repr__(self) -> str:
        return "{}(rate={}, axes={})".format(type(self).__name__, self._rate, self._axes)

    def state_info(self, batch_size: int = 0) -> list:
        return []

    def _alias(self) -> str:
        return "dropout"

    def hybrid_forward(self, F, inputs, states):
        if self._rate > 0:
            inputs = F.Dropout(inputs, p=self._rate, axes=self._axes,
                               name="t%d_fwd" % self._counter)
        return inputs, states

    def unroll(self, length, inputs, begin_state=None, layout="NTC", merge_outputs=None,
               valid_length=None):
        self.reset()
        inputs, _, F, _ = _format_sequence(length, inputs, layout, merge_outputs)
        if isinstance(inputs, NDArray):
            return self.hybrid_forward(F, inputs, begin_state if begin_state else [])
        return super().unroll(length, inputs, begin_state=begin_state, layout=layout,
                              merge_outputs=merge_outputs, valid_length=None)


class ModifierCell(HybridRecurrentCell):
    """Wraps a base cell and changes its behaviour; the base cell is then only used
    through the modifier."""

    def __init__(self, base_cell):
        assert not base_cell._modified, \
            "Cell %s is already modified. One cell cannot be modified twice" % base_cell.name
        base_cell._modified = True
        super().__init__(prefix=base_cell.prefix + self._alias(), params=None)
        self.base_cell = base_cell

    @property
    def params(self):
        return self.base_cell.params

    def state_info(self, batch_size: int = 0) -> list:
        return self.base_cell.state_info(batch_size)

    def begin_state(self, func=nd.zeros, **kwargs) -> list:
        assert not self._modified, \
            "After applying modifier cells (e.g. ZoneoutCell) the base cell cannot be " \
            "called directly. Call the modifier cell instead."
        self.base_cell._modified = False
        try:
            return self.base_cell.begin_state(func=func, **kwargs)
        finally:
            self.base_cell._modified = True

    def hybrid_forward(self, F, inputs, states):
        raise NotImplementedError

    def __repr__(self) -> str:
        return "{}({})".format(type(self).__name__, self.base_cell)


class _EagerModifierCell(ModifierCell):
    """A modifier whose own step keeps state between calls (masks, the previous output), so
    it always runs eagerly; only its base cell may be compiled."""

    def hybridize(self, active: bool = True, **kwargs) -> None:
        self.base_cell.hybridize(active, **kwargs)

    def forward(self, inputs, states):
        self._counter += 1
        return self.hybrid_forward(nd, inputs, states)


class ZoneoutCell(_EagerModifierCell):
    """Zoneout: in training, each output/state element keeps its previous value with
    probability ``zoneout_outputs``/``zoneout_states``. Always runs eagerly (it carries the
    previous output between calls)."""

    def __init__(self, base_cell, zoneout_outputs=0., zoneout_states=0.):
        assert not isinstance(base_cell, BidirectionalCell), \
            "BidirectionalCell doesn't support zoneout since it doesn't support step. " \
            "Please add ZoneoutCell to the cells underneath instead."
        assert not isinstance(base_cell, SequentialRNNCell) or not getattr(
            base_cell, "_bidirectional", False), \
            "Bidirectional SequentialRNNCell doesn't support zoneout. " \
            "Please add ZoneoutCell to the cells underneath instead."
        super().__init__(base_cell)
        self.zoneout_outputs = zoneout_outputs
        self.zoneout_states = zoneout_states
        self._prev_output = None

    def __repr__(self) -> str:
        return "{}(p_out={}, p_state={}, {})".format(type(self).__name__, self.zoneout_outputs,
                                                     self.zoneout_states, self.base_cell)

    def _alias(self) -> str:
        return "zoneout"

    def reset(self) -> None:
        super().reset()
        self._prev_output = None

    def hybrid_forward(self, F, inputs, states):
        out, new_states = self.base_cell(inputs, states)

        def keep(p, like):
            return F.Dropout(F.ones_like(like), p=p)

        prev = self._prev_output if self._prev_output is not None else F.zeros_like(out)
        if self.zoneout_outputs != 0.:
            out = F.where(keep(self.zoneout_outputs, out), out, prev)
        if self.zoneout_states != 0.:
            new_states = [F.where(keep(self.zoneout_states, n), n, o)
                          for n, o in zip(new_states, states)]
        self._prev_output = out
        return out, new_states


class ResidualCell(ModifierCell):
    """Adds each step's input to the base cell's output."""

    def __init__(self, base_cell):
        super().__init__(base_cell)

    def hybrid_forward(self, F, inputs, states):
        out, states = self.base_cell(inputs, states)
        return F.elemwise_add(out, inputs, name="t%d_fwd" % self._counter), states

    def unroll(self, length, inputs, begin_state=None, layout="NTC", merge_outputs=None,
               valid_length=None):
        self.reset()
        self.base_cell._modified = False
        try:
            outputs, states = self.base_cell.unroll(length, inputs=inputs,
                                                    begin_state=begin_state, layout=layout,
                                                    merge_outputs=merge_outputs,
                                                    valid_length=valid_length)
        finally:
            self.base_cell._modified = True
        if merge_outputs is None:
            merge_outputs = isinstance(outputs, NDArray)
        inputs, axis, F, _ = _format_sequence(length, inputs, layout, merge_outputs)
        if valid_length is not None:
            inputs = _mask_variable_length(inputs, length, valid_length, axis, merge_outputs)
        if merge_outputs:
            outputs = F.elemwise_add(outputs, inputs)
        else:
            outputs = [F.elemwise_add(a, b) for a, b in zip(outputs, inputs)]
        return outputs, states


class BidirectionalCell(HybridRecurrentCell):
    """Runs ``l_cell`` forward and ``r_cell`` backward over the sequence and concatenates
    their outputs; only ``unroll`` is possible."""

    def __init__(self, l_cell, r_cell, output_prefix="bi_"):
        super().__init__(prefix="", params=None)
        self.register_child(l_cell, "l_cell")
        self.register_child(r_cell, "r_cell")
        self._output_prefix = output_prefix

    def __call__(self, inputs, states):
        raise NotImplementedError("Bidirectional cannot be stepped. Please use unroll")

    def __repr__(self) -> str:
        return "{}(forward={}, backward={})".format(type(self).__name__,
                                                     self._children["l_cell"],
                                                     self._children["r_cell"])

    def state_info(self, batch_size: int = 0) -> list:
        return _children_state_info(self._children.values(), batch_size)

    def begin_state(self, **kwargs) -> list:
        assert not self._modified, \
            "After applying modifier cells (e.g. ZoneoutCell) the base cell cannot be " \
            "called directly. Call the modifier cell instead."
        return _children_begin_state(self._children.values(), **kwargs)

    def unroll(self, length, inputs, begin_state=None, layout="NTC", merge_outputs=None,
               valid_length=None):
        self.reset()
        inputs, axis, F, batch_size = _format_sequence(length, inputs, layout, False)
        reversed_inputs = _reverse_steps(inputs, length, valid_length)
        states = _get_begin_state(self, begin_state, inputs, batch_size)
        l_cell, r_cell = self._children["l_cell"], self._children["r_cell"]
        n_l = len(l_cell.state_info(batch_size))
        l_out, l_states = l_cell.unroll(length, inputs=inputs, begin_state=states[:n_l],
                                        layout=layout, merge_outputs=merge_outputs,
                                        valid_length=valid_length)
        r_out, r_states = r_cell.unroll(length, inputs=reversed_inputs,
                                        begin_state=states[n_l:], layout=layout,
                                        merge_outputs=False, valid_length=valid_length)
        r_out = _reverse_steps(r_out, length, valid_length)
        if merge_outputs is None:
            merge_outputs = isinstance(l_out, NDArray)
        l_out, _, _, _ = _format_sequence(None, l_out, layout, merge_outputs)
        r_out, _, _, _ = _format_sequence(None, r_out, layout, merge_outputs)
        if merge_outputs:
            outputs = F.concat(l_out, r_out, dim=2, name="%sout" % self._output_prefix)
        else:
            outputs = [F.concat(a, b, dim=1, name="%st%d" % (self._output_prefix, i))
                       for i, (a, b) in enumerate(zip(l_out, r_out))]
        if valid_length is not None:
            outputs = _mask_variable_length(outputs, length, valid_length, axis,
                                            merge_outputs)
        return outputs, l_states + r_states
