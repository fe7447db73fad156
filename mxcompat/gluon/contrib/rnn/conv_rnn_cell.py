"""Convolutional recurrent cells: the i2h and h2h transforms of RNN/LSTM/GRU cells are
convolutions (``Convolution`` operator) over 1-3 spatial dimensions. The h2h convolution
is padded to keep the state's spatial shape; the state shape follows from
``input_shape`` (without the batch axis) and the i2h kernel/padding/dilation."""
from __future__ import annotations

from ...rnn.rnn_cell import HybridRecurrentCell

__all__ = ["Conv1DRNNCell", "Conv2DRNNCell", "Conv3DRNNCell",
           "Conv1DLSTMCell", "Conv2DLSTMCell", "Conv3DLSTMCell",
           "Conv1DGRUCell", "Conv2DGRUCell", "Conv3DGRUCell"]


def _conv_out_size(dims, kernel, pad, dilate) -> tuple:
    return tuple(int(x + 2 * p - d * (k - 1) - 1) + 1 if x else 0
                 for x, k, p, d in zip(dims, kernel, pad, dilate))


def _expand(spec, n: int) -> tuple:
    return (spec,) * n if isinstance(spec, (int, float)) else tuple(spec)


class _BaseConvRNNCell(HybridRecurrentCell):
    """Shared construction, shapes, repr and the two convolutions."""

    _num_gates = 1

    def __init__(self, input_shape, hidden_channels, i2h_kernel, h2h_kernel, i2h_pad,
                 i2h_dilate, h2h_dilate, i2h_weight_initializer, h2h_weight_initializer,
                 i2h_bias_initializer, h2h_bias_initializer, dims, conv_layout, activation,
                 prefix=None, params=None):
        super().__init__(prefix=prefix, params=params)
        self._hidden_channels = hidden_channels
        self._input_shape = input_shape
        self._conv_layout = conv_layout
        self._activation = activation
        assert all(isinstance(spec, int) or len(spec) == dims
                   for spec in [i2h_kernel, i2h_pad, i2h_dilate, h2h_kernel, h2h_dilate]), \
            "For {dims}D convolution, the convolution settings can only be either int " \
            "or list/tuple of length {dims}".format(dims=dims)
        self._i2h_kernel = _expand(i2h_kernel, dims)
        self._stride = (1,) * dims
        self._i2h_pad = _expand(i2h_pad, dims)
        self._i2h_dilate = _expand(i2h_dilate, dims)
        self._h2h_kernel = _expand(h2h_kernel, dims)
        assert all(k % 2 == 1 for k in self._h2h_kernel), \
            "Only support odd number, get h2h_kernel= %s" % str(h2h_kernel)
        self._h2h_dilate = _expand(h2h_dilate, dims)
        self._h2h_pad = tuple(d * (k - 1) // 2
                              for d, k in zip(self._h2h_dilate, self._h2h_kernel))
        self._channel_axis = conv_layout.find("C")
        i2h_shape, h2h_shape, self._state_shape = self._shapes(input_shape)
        self._in_channels = input_shape[self._channel_axis - 1]
        total = hidden_channels * self._num_gates
        self.i2h_weight = self.params.get("i2h_weight", shape=i2h_shape,
                                          init=i2h_weight_initializer,
                                          allow_deferred_init=True)
        self.h2h_weight = self.params.get("h2h_weight", shape=h2h_shape,
                                          init=h2h_weight_initializer,
                                          allow_deferred_init=True)
        self.i2h_bias = self.params.get("i2h_bias", shape=(total,), init=i2h_bias_initializer,
                                        allow_deferred_init=True)
        self.h2h_bias = self.params.get("h2h_bias", shape=(total,), init=h2h_bias_initializer,
                                        allow_deferred_init=True)

    def _shapes(self, input_shape):
        """(i2h weight shape, h2h weight shape, state shape without batch)."""
        in_channels = input_shape[self._channel_axis - 1]
        spatial = input_shape[1:] if self._channel_axis == 1 else input_shape[:-1]
        total = self._hidden_channels * self._num_gates
        out = _conv_out_size(spatial, self._i2h_kernel, self._i2h_pad, self._i2h_dilate)
        if self._channel_axis == 1:
            return ((total, in_channels) + self._i2h_kernel,
                    (total, self._hidden_channels) + self._h2h_kernel,
                    (self._hidden_channels,) + out)
        return ((total,) + self._i2h_kernel + (in_channels,),
                (total,) + self._h2h_kernel + (self._hidden_channels,),
                out + (self._hidden_channels,))

    def infer_shape(self, inputs, *args) -> None:
        i2h_shape, _, _ = self._shapes(tuple(inputs.shape[1:]))
        self.i2h_weight.shape = i2h_shape

    def state_info(self, batch_size: int = 0) -> list:
        info = {"shape": (batch_size,) + self._state_shape, "__layout__": self._conv_layout}
        return [dict(info) for _ in range(self._num_states)]

    _num_states = 1

    def __repr__(self) -> str:
        shape = self.i2h_weight.shape
        in_channels = shape[1 if self._channel_axis == 1 else -1]
        return "{}({} -> {}, {}, {})".format(type(self).__name__,
                                             in_channels if in_channels else None, shape[0],
                                             self._activation, self._conv_layout)

    def _convs(self, F, inputs, states, i2h_weight, h2h_weight, i2h_bias, h2h_bias):
        prefix = "t%d_" % self._counter
        n = self._hidden_channels * self._num_gates
        i2h = F.Convolution(inputs, i2h_weight, i2h_bias, num_filter=n,
                            kernel=self._i2h_kernel, stride=self._stride, pad=self._i2h_pad,
                            dilate=self._i2h_dilate, layout=self._conv_layout,
                            name=prefix + "i2h")
        h2h = F.Convolution(states[0], h2h_weight, h2h_bias, num_filter=n,
                            kernel=self._h2h_kernel, stride=self._stride, pad=self._h2h_pad,
                            dilate=self._h2h_dilate, layout=self._conv_layout,
                            name=prefix + "h2h")
        return i2h, h2h


class _ConvRNNCell(_BaseConvRNNCell):
    """``h' = activation(conv(x) + conv(h))``."""

    def _alias(self) -> str:
        return "conv_rnn"

    def hybrid_forward(self, F, inputs, states, i2h_weight, h2h_weight, i2h_bias, h2h_bias):
        i2h, h2h = self._convs(F, inputs, states, i2h_weight, h2h_weight, i2h_bias, h2h_bias)
        out = self._get_activation(F, F.elemwise_add(i2h, h2h), self._activation)
        return out, [out]


class _ConvLSTMCell(_BaseConvRNNCell):
    """Convolutional LSTM (gates i, f, c, o on the channel axis); states [h, c]."""

    _num_gates = 4
    _num_states = 2

    def _alias(self) -> str:
        return "conv_lstm"

    def hybrid_forward(self, F, inputs, states, i2h_weight, h2h_weight, i2h_bias, h2h_bias):
        i2h, h2h = self._convs(F, inputs, states, i2h_weight, h2h_weight, i2h_bias, h2h_bias)
        gi, gf, gc, go = F.SliceChannel(F.elemwise_add(i2h, h2h), num_outputs=4,
                                        axis=self._channel_axis)
        c = F.elemwise_add(F.elemwise_mul(F.sigmoid(gf), states[1]),
                           F.elemwise_mul(F.sigmoid(gi),
                                          self._get_activation(F, gc, self._activation)))
        h = F.elemwise_mul(F.sigmoid(go), self._get_activation(F, c, self._activation))
        return h, [h, c]


class _ConvGRUCell(_BaseConvRNNCell):
    """Convolutional GRU (gates r, z, candidate on the channel axis)."""

    _num_gates = 3

    def _alias(self) -> str:
        return "conv_gru"

    def hybrid_forward(self, F, inputs, states, i2h_weight, h2h_weight, i2h_bias, h2h_bias):
        i2h, h2h = self._convs(F, inputs, states, i2h_weight, h2h_weight, i2h_bias, h2h_bias)
        xr, xz, xn = F.SliceChannel(i2h, num_outputs=3, axis=self._channel_axis)
        hr, hz, hn = F.SliceChannel(h2h, num_outputs=3, axis=self._channel_axis)
        r = F.sigmoid(F.elemwise_add(xr, hr))
        z = F.sigmoid(F.elemwise_add(xz, hz))
        cand = self._get_activation(F, F.elemwise_add(xn, F.elemwise_mul(r, hn)),
                                    self._activation)
        new = F.elemwise_add(F.elemwise_mul(1. - z, cand), F.elemwise_mul(z, states[0]))
        return new, [new]


_DEFAULTS = {1: ((0,), (1,), (1,), "NCW"),
             2: ((0, 0), (1, 1), (1, 1), "NCHW"),
             3: ((0, 0, 0), (1, 1, 1), (1, 1, 1), "NCDHW")}


def _make(base, dims: int, name: str, what: str):
    pad0, idil0, hdil0, layout0 = _DEFAULTS[dims]

    def __init__(self, input_shape, hidden_channels, i2h_kernel, h2h_kernel, i2h_pad=pad0,
                 i2h_dilate=idil0, h2h_dilate=hdil0, i2h_weight_initializer=None,
                 h2h_weight_initializer=None, i2h_bias_initializer="zeros",
                 h2h_bias_initializer="zeros", conv_layout=layout0, activation="tanh",
                 prefix=None, params=None):
        base.__init__(self, input_shape, hidden_channels, i2h_kernel, h2h_kernel, i2h_pad,
                      i2h_dilate, h2h_dilate, i2h_weight_initializer,
                      h2h_weight_initializer, i2h_bias_initializer, h2h_bias_initializer,
                      dims, conv_layout, activation, prefix=prefix, params=params)

    doc = "{}D convolutional {} cell (``input_shape`` excludes the batch axis).".format(
        dims, what)
    return type(name, (base,), {"__init__": __init__, "__doc__": doc,
                                "__module__": __name__})


Conv1DRNNCell = _make(_ConvRNNCell, 1, "Conv1DRNNCell", "RNN")
Conv2DRNNCell = _make(_ConvRNNCell, 2, "Conv2DRNNCell", "RNN")
Conv3DRNNCell = _make(_ConvRNNCell, 3, "Conv3DRNNCell", "RNN")
Conv1DLSTMCell = _make(_ConvLSTMCell, 1, "Conv1DLSTMCell", "LSTM")
Conv2DLSTMCell = _make(_ConvLSTMCell, 2, "Conv2DLSTMCell", "LSTM")
Conv3DLSTMCell = _make(_ConvLSTMCell, 3, "Conv3DLSTMCell", "LSTM")
Conv1DGRUCell = _make(_ConvGRUCell, 1, "Conv1DGRUCell", "GRU")
Conv2DGRUCell = _make(_ConvGRUCell, 2, "Conv2DGRUCell", "GRU")
Conv3DGRUCell = _make(_ConvGRUCell, 3, "Conv3DGRUCell", "GRU")
