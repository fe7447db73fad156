"""Convolution, transposed convolution, pooling and reflection-padding layers.

Each layer holds the attributes of one registry operator (``Convolution``,
``Deconvolution``, ``Pooling``, ``pad``) and calls it in ``hybrid_forward``. The number
of input channels may be left 0 (deferred); ``infer_shape`` fills it in from the first
input. Parameter shapes follow MXNet's weight layouts (see ``mxcompat/ops/conv.py``).
"""
from __future__ import annotations

from numbers import Number

from ...base import MXNetError
from ..block import HybridBlock
from .basic_layers import Activation

__all__ = ["Conv1D", "Conv2D", "Conv3D",
           "Conv1DTranspose", "Conv2DTranspose", "Conv3DTranspose",
           "MaxPool1D", "MaxPool2D", "MaxPool3D",
           "AvgPool1D", "AvgPool2D", "AvgPool3D",
           "GlobalMaxPool1D", "GlobalMaxPool2D", "GlobalMaxPool3D",
           "GlobalAvgPool1D", "GlobalAvgPool2D", "GlobalAvgPool3D",
           "ReflectionPad2D"]


def _tuple_of(value, n: int):
    """A number becomes an n-tuple; a sequence is kept as given (MXNet prints it so)."""
    if isinstance(value, Number):
        return (value,) * n
    return value


def _dims_list(v) -> str:
    return "[" + ",".join(str(int(i)) for i in v) + "]"


def _check_dims(kernel, kwargs: dict, names) -> None:
    """The operator's check that stride/dilate/pad/adj have as many entries as kernel."""
    words = {"stride": ("Stride", "stride"), "dilate": ("Dilate", "dilate"),
             "pad": ("Padding", "padding"), "adj": ("Adjustment", "adjustment")}
    for name in names:
        v = kwargs.get(name)
        if v is None or len(v) == len(kernel):
            continue
        word, shown = words[name]
        raise MXNetError(
            "Check failed: param_.kernel.ndim() == param_.{n}.ndim() ({a} vs. {b}) : {w} must "
            "have the same number of dimensions with kernel_size,but kernel_size is set to {k} "
            "while {s} is {v}".format(n=name, a=len(kernel), b=len(v), w=word,
                                      k=_dims_list(kernel), s=shown, v=_dims_list(v)))


def _weight_shape(op_name: str, layout: str, in_channels: int, channels: int, kernel,
                  groups: int) -> tuple:
    """MXNet's weight shape for a (de)convolution; raises MXNet's group-size errors."""
    kernel = tuple(kernel)
    last = layout.endswith("C")
    if op_name == "Convolution":
        if in_channels and in_channels % groups:
            raise MXNetError("Check failed: dshape[1] % param_.num_group == 0U ({} vs. 0) : "
                             "input num_filter must divide group size"
                             .format(in_channels % groups))
        if channels % groups:
            raise MXNetError("Check failed: param_.num_filter % param_.num_group == 0U "
                             "({} vs. 0) : output num_filter must divide group size"
                             .format(channels % groups))
        per = in_channels // groups
        return (channels,) + kernel + (per,) if last else (channels, per) + kernel
    bad = (in_channels % groups) or (channels % groups)
    if bad:
        raise MXNetError("Check failed: dshape_nchw[1] % param_.num_group == 0U ({} vs. 0) : "
                         "input num_filter must divide group size".format(bad))
    per = channels // groups
    return (in_channels,) + kernel + (per,) if last else (in_channels, per) + kernel


class _Conv(HybridBlock):
    """Shared body of the convolution layers (``op_name`` 'Convolution' or
    'Deconvolution')."""

    def __init__(self, channels: int, kernel_size, strides, padding, dilation, groups: int,
                 layout: str, in_channels: int = 0, activation: str | None = None,
                 use_bias: bool = True, weight_initializer=None, bias_initializer="zeros",
                 op_name: str = "Convolution", adj=None, prefix=None, params=None):
        super().__init__(prefix=prefix, params=params)
        with self.name_scope():
            self._channels = channels
            self._in_channels = in_channels
            n = len(kernel_size)
            strides = _tuple_of(strides, n)
            padding = _tuple_of(padding, n)
            dilation = _tuple_of(dilation, n)
            self._op_name = op_name
            self._kwargs = {"kernel": kernel_size, "stride": strides, "dilate": dilation,
                            "pad": padding, "num_filter": channels, "num_group": groups,
                            "no_bias": not use_bias, "layout": layout}
            if adj is not None:
                self._kwargs["adj"] = adj
            _check_dims(kernel_size, self._kwargs, ("stride", "dilate", "pad", "adj"))
            wshape = _weight_shape(op_name, layout, in_channels, channels, kernel_size, groups)
            self.weight = self.params.get("weight", shape=wshape, init=weight_initializer,
                                          allow_deferred_init=True)
            if use_bias:
                self.bias = self.params.get("bias", shape=(channels,), init=bias_initializer,
                                            allow_deferred_init=True)
            else:
                self.bias = None
            if activation is not None:
                self.act = Activation(activation, prefix=activation + "_")
            else:
                self.act = None

    def _alias(self) -> str:
        return "conv"

    def infer_shape(self, x, *args) -> None:
        layout = self._kwargs["layout"]
        in_channels = int(x.shape[layout.index("C")])
        self.weight.shape = _weight_shape(self._op_name, layout, in_channels, self._channels,
                                          self._kwargs["kernel"], self._kwargs["num_group"])

    def hybrid_forward(self, F, x, weight, bias=None):
        op = getattr(F, self._op_name)
        if bias is None:
            out = op(x, weight, name="fwd", **self._kwargs)
        else:
            out = op(x, weight, bias, name="fwd", **self._kwargs)
        if self.act is not None:
            out = self.act(out)
        return out

    def __repr__(self) -> str:
        kw = self._kwargs
        n = len(kw["kernel"])
        s = "{name}({mapping}, kernel_size={kernel}, stride={stride}"
        if kw["pad"] != (0,) * n:
            s += ", padding={pad}"
        if kw["dilate"] != (1,) * n:
            s += ", dilation={dilate}"
        # MXNet 1.9 looks for ``out_pad`` while the layers store ``outpad``, so
        # output_padding is never printed.
        if kw["num_group"] != 1:
            s += ", groups={num_group}"
        if self.bias is None:
            s += ", bias=False"
        if self.act:
            s += ", {}".format(self.act)
        s += ")"
        shape = self.weight.shape
        return s.format(name=self.__class__.__name__,
                        mapping="{0} -> {1}".format(shape[1] if shape[1] else None, shape[0]),
                        **kw)


def _conv_kernel(kernel_size, n: int):
    kernel_size = _tuple_of(kernel_size, n)
    assert len(kernel_size) == n, "kernel_size must be a number or a list of %d ints" % n
    return kernel_size


def _out_padding(output_padding, n: int):
    output_padding = _tuple_of(output_padding, n)
    assert len(output_padding) == n, \
        "output_padding must be a number or a list of %d ints" % n
    return output_padding


class Conv1D(_Conv):
    """1-D convolution over (batch, channels, width) input (layout 'NCW')."""

    def __init__(self, channels: int, kernel_size, strides=1, padding=0, dilation=1,
                 groups: int = 1, layout: str = "NCW", activation: str | None = None,
                 use_bias: bool = True, weight_initializer=None, bias_initializer="zeros",
                 in_channels: int = 0, **kwargs):
        assert layout == "NCW", "Only supports 'NCW' layout for now"
        kernel_size = _conv_kernel(kernel_size, 1)
        op_name = kwargs.pop("op_name", "Convolution")
        super().__init__(channels, kernel_size, strides, padding, dilation, groups, layout,
                         in_channels, activation, use_bias, weight_initializer,
                         bias_initializer, op_name, **kwargs)


class Conv2D(_Conv):
    """2-D convolution (layout 'NCHW' or 'NHWC')."""

    def __init__(self, channels: int, kernel_size, strides=(1, 1), padding=(0, 0),
                 dilation=(1, 1), groups: int = 1, layout: str = "NCHW",
                 activation: str | None = None, use_bias: bool = True,
                 weight_initializer=None, bias_initializer="zeros", in_channels: int = 0,
                 **kwargs):
        assert layout in ("NCHW", "NHWC"), "Only supports 'NCHW' and 'NHWC' layout for now"
        kernel_size = _conv_kernel(kernel_size, 2)
        op_name = kwargs.pop("op_name", "Convolution")
        super().__init__(channels, kernel_size, strides, padding, dilation, groups, layout,
                         in_channels, activation, use_bias, weight_initializer,
                         bias_initializer, op_name, **kwargs)


class Conv3D(_Conv):
    """3-D convolution (layout 'NCDHW' or 'NDHWC')."""

    def __init__(self, channels: int, kernel_size, strides=(1, 1, 1), padding=(0, 0, 0),
                 dilation=(1, 1, 1), groups: int = 1, layout: str = "NCDHW",
                 activation: str | None = None, use_bias: bool = True,
                 weight_initializer=None, bias_initializer="zeros", in_channels: int = 0,
                 **kwargs):
        assert layout in ("NCDHW", "NDHWC"), \
            "Only supports 'NCDHW' and 'NDHWC' layout for now"
        kernel_size = _conv_kernel(kernel_size, 3)
        op_name = kwargs.pop("op_name", "Convolution")
        super().__init__(channels, kernel_size, strides, padding, dilation, groups, layout,
                         in_channels, activation, use_bias, weight_initializer,
                         bias_initializer, op_name, **kwargs)


class Conv1DTranspose(_Conv):
    """1-D transposed convolution ('NCW'); ``output_padding`` adds to one side of the
    output."""

    def __init__(self, channels: int, kernel_size, strides=1, padding=0, output_padding=0,
                 dilation=1, groups: int = 1, layout: str = "NCW",
                 activation: str | None = None, use_bias: bool = True,
                 weight_initializer=None, bias_initializer="zeros", in_channels: int = 0,
                 **kwargs):
        assert layout == "NCW", "Only supports 'NCW' layout for now"
        if isinstance(kernel_size, Number):
            kernel_size = (kernel_size,)
        output_padding = _tuple_of(output_padding, 1)
        assert len(kernel_size) == 1, "kernel_size must be a number or a list of 1 ints"
        assert len(output_padding) == 1, "output_padding must be a number or a list of 1 ints"
        op_name = kwargs.pop("op_name", "Deconvolution")
        super().__init__(channels, kernel_size, strides, padding, dilation, groups, layout,
                         in_channels, activation, use_bias, weight_initializer,
                         bias_initializer, op_name=op_name, adj=output_padding, **kwargs)
        self.outpad = output_padding


class Conv2DTranspose(_Conv):
    """2-D transposed convolution ('NCHW' or 'NHWC')."""

    def __init__(self, channels: int, kernel_size, strides=(1, 1), padding=(0, 0),
                 output_padding=(0, 0), dilation=(1, 1), groups: int = 1,
                 layout: str = "NCHW", activation: str | None = None, use_bias: bool = True,
                 weight_initializer=None, bias_initializer="zeros", in_channels: int = 0,
                 **kwargs):
        assert layout in ("NCHW", "NHWC"), "Only supports 'NCHW' and 'NHWC' layout for now"
        kernel_size = _tuple_of(kernel_size, 2)
        output_padding = _tuple_of(output_padding, 2)
        assert len(kernel_size) == 2, "kernel_size must be a number or a list of 2 ints"
        assert len(output_padding) == 2, "output_padding must be a number or a list of 2 ints"
        op_name = kwargs.pop("op_name", "Deconvolution")
        super().__init__(channels, kernel_size, strides, padding, dilation, groups, layout,
                         in_channels, activation, use_bias, weight_initializer,
                         bias_initializer, op_name=op_name, adj=output_padding, **kwargs)
        self.outpad = output_padding


class Conv3DTranspose(_Conv):
    """3-D transposed convolution ('NCDHW' or 'NDHWC')."""

    def __init__(self, channels: int, kernel_size, strides=(1, 1, 1), padding=(0, 0, 0),
                 output_padding=(0, 0, 0), dilation=(1, 1, 1), groups: int = 1,
                 layout: str = "NCDHW", activation: str | None = None, use_bias: bool = True,
                 weight_initializer=None, bias_initializer="zeros", in_channels: int = 0,
                 **kwargs):
        assert layout in ("NCDHW", "NDHWC"), \
            "Only supports 'NCDHW' and 'NDHWC' layout for now"
        kernel_size = _tuple_of(kernel_size, 3)
        output_padding = _tuple_of(output_padding, 3)
        assert len(kernel_size) == 3, "kernel_size must be a number or a list of 3 ints"
        assert len(output_padding) == 3, "output_padding must be a number or a list of 3 ints"
        op_name = kwargs.pop("op_name", "Deconvolution")
        super().__init__(channels, kernel_size, strides, padding, dilation, groups, layout,
                         in_channels, activation, use_bias, weight_initializer,
                         bias_initializer, op_name=op_name, adj=output_padding, **kwargs)
        self.outpad = output_padding


# ============================================================================ pooling

class _Pooling(HybridBlock):
    """Shared body of the pooling layers: the attributes of one ``Pooling`` call."""

    def __init__(self, pool_size, strides, padding, ceil_mode: bool, global_pool: bool,
                 pool_type: str, layout: str, count_include_pad: bool | None = None,
                 **kwargs):
        super().__init__(**kwargs)
        if strides is None:
            strides = pool_size
        strides = _tuple_of(strides, len(pool_size))
        padding = _tuple_of(padding, len(pool_size))
        self._kwargs = {"kernel": pool_size, "stride": strides, "pad": padding,
                        "global_pool": global_pool, "pool_type": pool_type, "layout": layout,
                        "pooling_convention": "full" if ceil_mode else "valid"}
        if count_include_pad is not None:
            self._kwargs["count_include_pad"] = count_include_pad

    def _alias(self) -> str:
        return "pool"

    def hybrid_forward(self, F, x):
        return F.Pooling(x, name="fwd", **self._kwargs)

    def __repr__(self) -> str:
        s = ("{name}(size={kernel}, stride={stride}, padding={pad}, ceil_mode={ceil_mode}, "
             "global_pool={global_pool}, pool_type={pool_type}, layout={layout})")
        return s.format(name=self.__class__.__name__,
                        ceil_mode=self._kwargs["pooling_convention"] == "full", **self._kwargs)


_POOL_LAYOUTS = {1: ("NCW", "NWC"), 2: ("NCHW", "NHWC"), 3: ("NCDHW", "NDHWC")}


def _pool_args(pool_size, layout: str, n: int):
    a, b = _POOL_LAYOUTS[n]
    assert layout in (a, b), "Only %s and %s layouts are valid for %dD Pooling" % (a, b, n)
    pool_size = _tuple_of(pool_size, n)
    assert len(pool_size) == n, "pool_size must be a number or a list of %d ints" % n
    return pool_size


class MaxPool1D(_Pooling):
    """Max pooling over one spatial dimension."""

    def __init__(self, pool_size=2, strides=None, padding=0, layout: str = "NCW",
                 ceil_mode: bool = False, **kwargs):
        super().__init__(_pool_args(pool_size, layout, 1), strides, padding, ceil_mode, False,
                         "max", layout, **kwargs)


class MaxPool2D(_Pooling):
    """Max pooling over two spatial dimensions."""

    def __init__(self, pool_size=(2, 2), strides=None, padding=0, layout: str = "NCHW",
                 ceil_mode: bool = False, **kwargs):
        super().__init__(_pool_args(pool_size, layout, 2), strides, padding, ceil_mode, False,
                         "max", layout, **kwargs)


class MaxPool3D(_Pooling):
    """Max pooling over three spatial dimensions."""

    def __init__(self, pool_size=(2, 2, 2), strides=None, padding=0, ceil_mode: bool = False,
                 layout: str = "NCDHW", **kwargs):
        super().__init__(_pool_args(pool_size, layout, 3), strides, padding, ceil_mode, False,
                         "max", layout, **kwargs)


class AvgPool1D(_Pooling):
    """Average pooling over one spatial dimension."""

    def __init__(self, pool_size=2, strides=None, padding=0, layout: str = "NCW",
                 ceil_mode: bool = False, count_include_pad: bool = True, **kwargs):
        super().__init__(_pool_args(pool_size, layout, 1), strides, padding, ceil_mode, False,
                         "avg", layout, count_include_pad, **kwargs)


class AvgPool2D(_Pooling):
    """Average pooling over two spatial dimensions."""

    def __init__(self, pool_size=(2, 2), strides=None, padding=0, ceil_mode: bool = False,
                 layout: str = "NCHW", count_include_pad: bool = True, **kwargs):
        super().__init__(_pool_args(pool_size, layout, 2), strides, padding, ceil_mode, False,
                         "avg", layout, count_include_pad, **kwargs)


class AvgPool3D(_Pooling):
    """Average pooling over three spatial dimensions."""

    def __init__(self, pool_size=(2, 2, 2), strides=None, padding=0, ceil_mode: bool = False,
                 layout: str = "NCDHW", count_include_pad: bool = True, **kwargs):
        super().__init__(_pool_args(pool_size, layout, 3), strides, padding, ceil_mode, False,
                         "avg", layout, count_include_pad, **kwargs)


def _global_args(layout: str, n: int):
    a, b = _POOL_LAYOUTS[n]
    assert layout in (a, b), "Only %s and %s layouts are valid for %dD Pooling" % (a, b, n)
    return (1,) * n, None, 0, True, True


class GlobalMaxPool1D(_Pooling):
    """Max over the whole width: output width 1."""

    def __init__(self, layout: str = "NCW", **kwargs):
        super().__init__(*_global_args(layout, 1), "max", layout, **kwargs)


class GlobalMaxPool2D(_Pooling):
    """Max over the whole height and width: output 1x1."""

    def __init__(self, layout: str = "NCHW", **kwargs):
        super().__init__(*_global_args(layout, 2), "max", layout, **kwargs)


class GlobalMaxPool3D(_Pooling):
    """Max over depth, height and width: output 1x1x1."""

    def __init__(self, layout: str = "NCDHW", **kwargs):
        super().__init__(*_global_args(layout, 3), "max", layout, **kwargs)


class GlobalAvgPool1D(_Pooling):
    """Mean over the whole width: output width 1."""

    def __init__(self, layout: str = "NCW", **kwargs):
        super().__init__(*_global_args(layout, 1), "avg", layout, **kwargs)


class GlobalAvgPool2D(_Pooling):
    """Mean over the whole height and width: output 1x1."""

    def __init__(self, layout: str = "NCHW", **kwargs):
        super().__init__(*_global_args(layout, 2), "avg", layout, **kwargs)


class GlobalAvgPool3D(_Pooling):
    """Mean over depth, height and width: output 1x1x1."""

    def __init__(self, layout: str = "NCDHW", **kwargs):
        super().__init__(*_global_args(layout, 3), "avg", layout, **kwargs)


class ReflectionPad2D(HybridBlock):
    """Pads the last two axes of NCHW input by mirroring (``pad`` with mode 'reflect').

    ``padding`` is a number (all four sides) or MXNet's 8-entry ``pad_width``."""

    def __init__(self, padding=0, **kwargs):
        super().__init__(**kwargs)
        if isinstance(padding, Number):
            padding = (0, 0, 0, 0, padding, padding, padding, padding)
        assert len(padding) == 8
        self._padding = padding

    def hybrid_forward(self, F, x):
        return F.pad(x, mode="reflect", pad_width=self._padding)
