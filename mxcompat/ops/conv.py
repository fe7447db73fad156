"""Convolution and Deconvolution (1-D, 2-D, 3-D) with MXNet's weight layouts.

Convolution weight: (num_filter, C/num_group, *kernel) for NCW/NCHW/NCDHW and
(num_filter, *kernel, C/num_group) for the channel-last layouts. Deconvolution weight:
(C, num_filter/num_group, *kernel), or (C, *kernel, num_filter/num_group) channel-last.
"""
from __future__ import annotations

import jax.numpy as jnp
from jax import lax

from ..base import MXNetError
from .attrs import Bool, Enum, Shape
from .nn import (NonNegInt, NonNegLong, _check_n_inputs, _channel_shape, _require_float,
                 _shape_list, _shape_mismatch, _uniform_type)
from .registry import register

_DEFAULT_LAYOUT = {1: "NCW", 2: "NCHW", 3: "NCDHW"}
_LAYOUTS = ("NCDHW", "NCHW", "NCW", "NDHWC", "NHWC")
_DIM_NAMES = {1: ("x",), 2: ("y", "x"), 3: ("d", "y", "x")}
_DATA_DESC = {1: "3D in batch-num_filter-x", 2: "4D in batch-num_filter-y-x",
              3: "5D in batch-num_filter-depth-y-x"}


def _layout(layout, nd):
    return layout or _DEFAULT_LAYOUT[nd]


def _spatial_letters(lay):
    return lay.replace("N", "").replace("C", "")


def _fill(values, nd, default):
    return tuple(values) if len(values) else (default,) * nd


def _spatial_shape(x, lay):
    return tuple(x.shape[lay.index(c)] for c in _spatial_letters(lay))


def _common_checks(op_name, arrays, attrs, data_word):
    """Checks shared by Convolution and Deconvolution (MXNet's order)."""
    no_bias = attrs["no_bias"]
    _check_n_inputs(op_name, arrays, 2 if no_bias else 3)
    data = arrays[0]
    _require_float(data)
    _uniform_type(arrays, ("data", "weight", "bias"))
    kernel = attrs["kernel"]
    nd = len(kernel)
    if nd not in (1, 2, 3):
        raise MXNetError(f"Check failed: param_.kernel.ndim() == 3U ({nd} vs. 3) : {nd}D "
                         f"{op_name.lower()} not supported")
    if data.ndim != nd + 2:
        raise MXNetError(f"Check failed: {data_word}.ndim() == {nd + 2}U ({data.ndim} vs. "
                         f"{nd + 2}) : Input data should be {_DATA_DESC[nd]}")
    lay = _layout(attrs["layout"], nd)
    if len(lay) != nd + 2:
        raise MXNetError(f"Invalid layout for {data.ndim}d shape (layout {lay})")
    for name, word in (("stride", "Stride"), ("dilate", "Dilate"), ("pad", "Padding")):
        v = attrs[name]
        if len(v) and len(v) != nd:
            shown = "padding" if name == "pad" else name
            raise MXNetError(
                f"Check failed: param_.kernel.ndim() == param_.{name}.ndim() ({nd} vs. "
                f"{len(v)}) : {word} must have the same number of dimensions with "
                f"kernel_size,but kernel_size is set to {_shape_list(kernel)} while {shown} "
                f"is {_shape_list(v)}")
    for name in ("stride", "dilate"):
        v = attrs[name]
        if len(v) and any(s <= 0 for s in v):
            raise MXNetError(f"Check failed: param_.{name}.Size() > 0U (0 vs. 0) : incorrect "
                             f"{name} size: {_shape_list(v)}")
    return nd, lay


# ============================================================================ Convolution

def convolution_nd(data, weight, bias, *, kernel, stride, dilate, pad, num_group, layout):
    nd = len(kernel)
    lay = _layout(layout, nd)
    sp = _spatial_letters(lay)
    rhs = ("O" + sp + "I") if lay.endswith("C") else ("OI" + sp)
    out = lax.conv_general_dilated(
        data, weight,
        window_strides=_fill(stride, nd, 1),
        padding=[(p, p) for p in _fill(pad, nd, 0)],
        rhs_dilation=_fill(dilate, nd, 1),
        dimension_numbers=(lay, rhs, lay),
        feature_group_count=num_group)
    if bias is not None:
        out = out + bias.reshape(_channel_shape(out.ndim, lay.index("C")))
    return out.astype(data.dtype)


def _conv_check(arrays, attrs):
    nd, lay = _common_checks("Convolution", arrays, attrs, "dshp")
    data, weight = arrays[0], arrays[1]
    g, nf = attrs["num_group"], attrs["num_filter"]
    c = data.shape[lay.index("C")]
    kernel = attrs["kernel"]
    cg = c // g if g else 0
    want = (nf,) + tuple(kernel) + (cg,) if lay.endswith("C") else (nf, cg) + tuple(kernel)
    if tuple(weight.shape) != want:
        raise _shape_mismatch(weight.shape, want)
    if len(arrays) == 3 and tuple(arrays[2].shape) != (nf,):
        raise _shape_mismatch(arrays[2].shape, (nf,))
    if g <= 0 or c % g:
        raise MXNetError(f"Check failed: dshape[1] % param_.num_group == 0U "
                         f"({c % g if g else c} vs. 0) : input num_filter must divide group "
                         f"size")
    if nf % g:
        raise MXNetError(f"Check failed: param_.num_filter % param_.num_group == 0U "
                         f"({nf % g} vs. 0) : output num_filter must divide group size")
    stride, dilate, pad = (_fill(attrs["stride"], nd, 1), _fill(attrs["dilate"], nd, 1),
                           _fill(attrs["pad"], nd, 0))
    sizes = _spatial_shape(data, lay)
    for i in range(nd):
        dk = dilate[i] * (kernel[i] - 1) + 1
        if dk > sizes[i] + 2 * pad[i]:
            n = _DIM_NAMES[nd][i]
            raise MXNetError(
                f"Check failed: dilated_ksize_{n} <= AddPad(dshape[{i + 2}], param_.pad[{i}]) "
                f"({dk} vs. {sizes[i] + 2 * pad[i]}) : kernel size exceed input")


_CONV_ATTRS = {
    "kernel": Shape(), "stride": Shape(()), "dilate": Shape(()), "pad": Shape(()),
    "num_filter": NonNegInt(), "num_group": NonNegInt(1), "workspace": NonNegLong(1024),
    "no_bias": Bool(False),
    "cudnn_tune": Enum(("fastest", "limited_workspace", "off"), None, allow_none=True),
    "cudnn_off": Bool(False), "layout": Enum(_LAYOUTS, None, allow_none=True),
}


@register("Convolution", ("data", "weight", "bias"), attrs=dict(_CONV_ATTRS),
          params=("weight", "bias"), same_dtype=False, check=_conv_check)
def _convolution(data, weight, bias=None, *, kernel, stride, dilate, pad, num_filter,
                 num_group, workspace, no_bias, cudnn_tune, cudnn_off, layout):
    """N-d convolution (cross-correlation) with stride, dilation, zero padding and groups.
    workspace and the cudnn_* settings have no effect."""
    return convolution_nd(data, weight, None if no_bias else bias, kernel=kernel,
                          stride=stride, dilate=dilate, pad=pad, num_group=num_group,
                          layout=layout)


# ============================================================================ Deconvolution

def deconv_pad_adj(in_sizes, kernel, stride, dilate, pad, adj, target_shape):
    """MXNet's (pad, adj) for a Deconvolution; target_shape (any non-zero) overrides both."""
    nd = len(kernel)
    stride, dilate = _fill(stride, nd, 1), _fill(dilate, nd, 1)
    if len(target_shape) and any(t != 0 for t in target_shape):
        pads, adjs = [], []
        for i in range(nd):
            full = stride[i] * (in_sizes[i] - 1) + dilate[i] * (kernel[i] - 1) + 1
            if full < target_shape[i]:
                raise MXNetError(f"Check failed: o_pad[i] >= target_shape[i] ({full} vs. "
                                 f"{target_shape[i]}) : too big target shape")
            extra = full - target_shape[i]
            adjs.append(extra % 2)
            pads.append((extra + 1) // 2)
        return tuple(pads), tuple(adjs)
    return _fill(pad, nd, 0), _fill(adj, nd, 0)


def deconvolution_nd(data, weight, bias, *, kernel, stride, dilate, pad, adj, num_group,
                     layout):
    """Transposed convolution: the gradient of a Convolution with respect to its input."""
    nd = len(kernel)
    lay = _layout(layout, nd)
    sp = _spatial_letters(lay)
    stride, dilate = _fill(stride, nd, 1), _fill(dilate, nd, 1)
    pad, adj = _fill(pad, nd, 0), _fill(adj, nd, 0)
    w = jnp.moveaxis(weight, -1, 1) if lay.endswith("C") else weight   # (C, O/g, k...)
    cin, og = w.shape[0], w.shape[1]
    g = num_group
    w = w.reshape((g, cin // g, og) + tuple(kernel))
    w = jnp.swapaxes(w, 1, 2).reshape((g * og, cin // g) + tuple(kernel))
    w = jnp.flip(w, axis=tuple(range(2, 2 + nd)))
    padding = []
    for i in range(nd):
        k = dilate[i] * (kernel[i] - 1)
        padding.append((k - pad[i], k - pad[i] + adj[i]))
    out = lax.conv_general_dilated(
        data, w, window_strides=(1,) * nd, padding=padding, lhs_dilation=stride,
        rhs_dilation=dilate, dimension_numbers=(lay, "OI" + sp, lay), feature_group_count=g)
    if bias is not None:
        out = out + bias.reshape(_channel_shape(out.ndim, lay.index("C")))
    return out.astype(data.dtype)


def _deconv_check(arrays, attrs):
    nd, lay = _common_checks("Deconvolution", arrays, attrs, "dshape")
    data, weight = arrays[0], arrays[1]
    kernel = attrs["kernel"]
    for name, word in (("adj", "Adjustment"), ("target_shape", "Target shape")):
        v = attrs[name]
        if len(v) and len(v) != nd:
            shown = "adjustment" if name == "adj" else "target shape"
            raise MXNetError(
                f"Check failed: param_.kernel.ndim() == param_.{name}.ndim() ({nd} vs. "
                f"{len(v)}) : {word} must have the same number of dimensions with "
                f"kernel_size,but kernel_size is set to {_shape_list(kernel)} while {shown} "
                f"is {_shape_list(v)}")
    g, nf = attrs["num_group"], attrs["num_filter"]
    c = data.shape[lay.index("C")]
    if g <= 0 or c % g:
        raise MXNetError(f"Check failed: dshape_nchw[1] % param_.num_group == 0U "
                         f"({c % g if g else c} vs. 0) : input num_filter must divide group "
                         f"size")
    if nf % g:
        raise MXNetError(f"Check failed: param_.num_filter % param_.num_group == 0U "
                         f"({nf % g} vs. 0) : output num_filter must divide group size")
    want = (c,) + tuple(kernel) + (nf // g,) if lay.endswith("C") else (c, nf // g) + tuple(kernel)
    if tuple(weight.shape) != want:
        raise _shape_mismatch(weight.shape, want)
    if len(arrays) == 3 and tuple(arrays[2].shape) != (nf,):
        raise _shape_mismatch(arrays[2].shape, (nf,))
    sizes = _spatial_shape(data, lay)
    pad, adj = deconv_pad_adj(sizes, kernel, attrs["stride"], attrs["dilate"], attrs["pad"],
                              attrs["adj"], attrs["target_shape"])
    stride, dilate = _fill(attrs["stride"], nd, 1), _fill(attrs["dilate"], nd, 1)
    for i in range(nd):
        if adj[i] > stride[i] - 1:
            raise MXNetError(f"Check failed: param_.stride[{i}]-1 >= o_adj[{i}] "
                             f"({stride[i] - 1} vs. {adj[i]}) : adj({_DIM_NAMES[nd][i]}) must "
                             f"be samller than stride[{i}]")
    for i in range(nd):
        out = (stride[i] * (sizes[i] - 1) + dilate[i] * (kernel[i] - 1) + 1
               - 2 * pad[i] + adj[i])
        if out <= 0:
            raise MXNetError(f"Check failed: dim_size >= -1 ({out - 1} vs. -1) : shape dim "
                             f"size must be >= -1, while received {out - 1}")


@register("Deconvolution", ("data", "weight", "bias"),
          attrs={"kernel": Shape(), "stride": Shape(()), "dilate": Shape(()),
                 "pad": Shape(()), "adj": Shape(()), "target_shape": Shape(()),
                 "num_filter": NonNegInt(), "num_group": NonNegInt(1),
                 "workspace": NonNegLong(512),
                 "no_bias": Bool(True),
                 "cudnn_tune": Enum(("fastest", "limited_workspace", "off"), None,
                                    allow_none=True),
                 "cudnn_off": Bool(False), "layout": Enum(_LAYOUTS, None, allow_none=True)},
          params=("weight", "bias"), same_dtype=False, check=_deconv_check)
def _deconvolution(data, weight, bias=None, *, kernel, stride, dilate, pad, adj, target_shape,
                   num_filter, num_group, workspace, no_bias, cudnn_tune, cudnn_off, layout):
    """Transposed convolution; output size stride*(in-1) + dilate*(kernel-1) + 1 - 2*pad + adj,
    or ``target_shape`` (which then decides pad and adj). no_bias defaults to True."""
    lay = _layout(layout, len(kernel))
    sizes = _spatial_shape(data, lay)
    p, a = deconv_pad_adj(sizes, kernel, stride, dilate, pad, adj, target_shape)
    return deconvolution_nd(data, weight, None if no_bias else bias, kernel=kernel,
                            stride=stride, dilate=dilate, pad=p, adj=a, num_group=num_group,
                            layout=layout)

