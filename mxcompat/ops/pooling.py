"""Pooling (max/avg/sum/lp, 1-D to 3-D, valid/full conventions) and ROIPooling."""
from __future__ import annotations

import functools

import numpy as np
import jax
import jax.numpy as jnp
from jax import lax

from ..base import MXNetError
from .attrs import Bool, Enum, Float, OptInt, Shape
from .nn import OptBool, _acc_dtype, _n_inputs_error, _require_float, _shape_list
from .registry import register

_DEFAULT_LAYOUT = {1: "NCW", 2: "NCHW", 3: "NCDHW"}
_LAYOUT_NAMES = {1: ("kNCW", "kNWC"), 2: ("kNCHW", "kNHWC"), 3: ("kNCDHW", "kNDHWC")}
_DATA_DESC = {1: "3D in (batch, channel, x)", 2: "4D in (batch, channel, y, x)",
              3: "5D in (batch, channel, d, y, x)"}


def _fill(values, nd, default):
    return tuple(values) if len(values) else (default,) * nd


def _pool_check(arrays, attrs):
    x = arrays[0]
    if x.ndim < 3:
        raise MXNetError(f"Pooling: Check failed: dshape.ndim() >= 3 ({x.ndim} vs. 3) : Input "
                         f"data should be  3D in (batch, channel, x) Or 4D in (batch, channel, "
                         f"y, x)  Or 5D in (batch, channel, d, y, x)")
    kernel = attrs["kernel"]
    glob = attrs["global_pool"]
    if attrs["pool_type"] == "lp":
        p = attrs["p_value"]
        if p is None:
            raise MXNetError("Check failed: param.p_value.has_value(): ")
        if p not in (1, 2, 3):
            raise MXNetError(f"p value of {p} is not supported yet...")
    if attrs["pooling_convention"] == "same" and not glob and x.ndim != 3:
        raise MXNetError(f"Pooling: Check failed: dshape.ndim() == 3U ({x.ndim} vs. 3) : Input "
                         f"data should be 3D in (batch, channel, x). Currently 'same' supports "
                         f"Max Pooling 1-D")
    if not glob or len(kernel):
        nd = len(kernel)
        if nd not in (1, 2, 3):
            raise MXNetError(f"Check failed: param.kernel.ndim() == 3U ({nd} vs. 3) : {nd}D "
                             f"pooling not supported")
        if x.ndim != nd + 2:
            if glob:
                a, b = _LAYOUT_NAMES[nd]
                raise MXNetError(f"Unsupported layout, expecting {a} or {b}")
            raise MXNetError(f"Pooling: Check failed: dshape.ndim() == {nd + 2}U ({x.ndim} vs. "
                             f"{nd + 2}) : Input data should be {_DATA_DESC[nd]}")
    nd = x.ndim - 2
    if nd > 3:
        raise MXNetError(f"Pooling: {nd}D pooling not supported")
    lay = attrs["layout"]
    if lay is not None and len(lay) != nd + 2:
        a, b = _LAYOUT_NAMES[nd]
        raise MXNetError(f"Check failed: layout == mshadow::{a} || layout == mshadow::{b}: "
                         f"Need {nd}D layout")
    _require_float(x)
    if glob:
        return
    if attrs["pooling_convention"] == "same":
        # MXNet 1.9.1 rejects or crashes on every use of 'same' (see docs/differences.md).
        raise MXNetError("Check failed: i >= 0 && i < ndim(): index = 1 must be in range "
                         "[0, 1) (pooling_convention='same' does not work in MXNet 1.9.1)")
    for name in ("stride", "pad"):
        v = attrs[name]
        if len(v) and len(v) != nd:
            raise MXNetError(f"Check failed: i >= 0 && i < ndim(): index = {len(v)} must be in "
                             f"range [0, {len(v)})")
    stride, pad = _fill(attrs["stride"], nd, 1), _fill(attrs["pad"], nd, 0)
    if any(s <= 0 for s in stride):
        raise MXNetError(f"value {_shape_list(stride)}for Parameter stride is invalid, the "
                         f"input shape must be nonzero in all dimensions")
    sizes = _spatial_sizes(x.shape, lay or _DEFAULT_LAYOUT[nd])
    for i in range(nd):
        if kernel[i] > sizes[i] + 2 * pad[i]:
            raise MXNetError(
                f"Check failed: param.kernel[{i}] <= dshape_nchw[{i + 2}] + 2 * param.pad[{i}]: "
                f"kernel size ({kernel[i]}) exceeds input ({sizes[i]} padded to "
                f"{sizes[i] + 2 * pad[i]})")


def _spatial_axes(lay):
    return tuple(lay.index(c) for c in lay.replace("N", "").replace("C", ""))


def _spatial_sizes(shape, lay):
    return tuple(shape[a] for a in _spatial_axes(lay))


def _counts(size, k, s, p, out, include_pad):
    """Elements each 1-D window covers (static, numpy on shapes only)."""
    starts = np.arange(out) * s - p
    ends = starts + k
    if include_pad:
        lo, hi = -p, size + p
    else:
        lo, hi = 0, size
    return np.maximum(np.minimum(ends, hi) - np.maximum(starts, lo), 0)


# ============================================================================ tiled max pooling
# Windows that tile the input (stride == kernel, no padding) are a reshape and a max. XLA:CPU
# runs this, and the gradient below, several times faster than reduce_window and its
# select-and-scatter gradient. The gradient goes to the first maximum of each window in
# row-major order, as the reduce_window path (and MXNet) do.

def _tiled_max_ok(sizes, kernel, stride, pad, outs) -> bool:
    """True where every window is whole, unpadded and disjoint from the others (CPU only)."""
    if any(p != 0 for p in pad) or tuple(stride) != tuple(kernel):
        return False
    if any(o < 1 or o * k > n for o, k, n in zip(outs, kernel, sizes)):
        return False
    return jax.default_backend() == "cpu"


def _window_axes(ndim, axes):
    """Positions of the within-window axes once each spatial axis is split in two."""
    inner, pos = [], 0
    for d in range(ndim):
        if d in axes:
            inner.append(pos + 1)
            pos += 1
        pos += 1
    return tuple(inner)


def _tiles(x, axes, kernel, outs):
    """``x`` cropped to whole windows, each spatial axis split into (windows, kernel)."""
    crop = [slice(None)] * x.ndim
    shape = []
    for d in range(x.ndim):
        if d in axes:
            i = axes.index(d)
            crop[d] = slice(0, outs[i] * kernel[i])
            shape += [outs[i], kernel[i]]
        else:
            shape.append(x.shape[d])
    return x[tuple(crop)].reshape(shape)


def _first_max_mask(xt, inner, kernel):
    """Boolean mask of the first maximum (row-major within the window) of every window."""
    size = int(np.prod(kernel))
    shape = [1] * xt.ndim
    for a, k in zip(inner, kernel):
        shape[a] = k
    pos = np.arange(size, dtype=np.int32).reshape(shape)
    top = jnp.max(xt, axis=inner, keepdims=True)
    first = jnp.min(jnp.where(xt == top, pos, size), axis=inner, keepdims=True)
    return pos == first


@functools.partial(jax.custom_jvp, nondiff_argnums=(1, 2, 3))
def _tiled_max(x, axes, kernel, outs):
    inner = _window_axes(x.ndim, axes)
    return jnp.max(_tiles(x, axes, kernel, outs), axis=inner)


@_tiled_max.defjvp
def _tiled_max_jvp(axes, kernel, outs, primals, tangents):
    (x,), (t,) = primals, tangents
    inner = _window_axes(x.ndim, axes)
    xt = _tiles(x, axes, kernel, outs)
    mask = _first_max_mask(xt, inner, kernel)
    tt = _tiles(t, axes, kernel, outs)
    out_t = jnp.sum(jnp.where(mask, tt, jnp.zeros((), tt.dtype)), axis=inner)
    return jnp.max(xt, axis=inner), out_t


@register("Pooling",
          attrs={"kernel": Shape(()),
                 "pool_type": Enum(("avg", "lp", "max", "sum"), "max"),
                 "global_pool": Bool(False), "cudnn_off": Bool(False),
                 "pooling_convention": Enum(("full", "same", "valid"), "valid"),
                 "stride": Shape(()), "pad": Shape(()), "p_value": OptInt(None),
                 "count_include_pad": OptBool(None),
                 "layout": Enum(("NCDHW", "NCHW", "NCW", "NDHWC", "NHWC", "NWC"), None,
                                allow_none=True)},
          check=_pool_check)
def _pooling(data, *, kernel, pool_type, global_pool, cudnn_off, pooling_convention, stride,
             pad, p_value, count_include_pad, layout):
    """Max, average, sum or Lp pooling over 1-3 spatial dimensions.

    'valid' output size is floor((x + 2p - k) / s) + 1, 'full' uses ceil; windows that
    overhang the padded input count only what they cover; count_include_pad (default True)
    makes average pooling divide by the window size including padding."""
    nd = data.ndim - 2
    lay = layout or _DEFAULT_LAYOUT[nd]
    axes = _spatial_axes(lay)
    sizes = tuple(data.shape[a] for a in axes)
    if global_pool:
        kernel, stride, pad = sizes, (1,) * nd, (0,) * nd
    else:
        stride, pad = _fill(stride, nd, 1), _fill(pad, nd, 0)
    outs = []
    for i in range(nd):
        span = sizes[i] + 2 * pad[i] - kernel[i]
        if pooling_convention == "full" and not global_pool:
            outs.append((span + stride[i] - 1) // stride[i] + 1)
        else:
            outs.append(span // stride[i] + 1)
    window = [1] * data.ndim
    strides = [1] * data.ndim
    padding = [(0, 0)] * data.ndim
    for i, a in enumerate(axes):
        window[a] = kernel[i]
        strides[a] = stride[i]
        extra = (outs[i] - 1) * stride[i] + kernel[i] - (sizes[i] + 2 * pad[i])
        padding[a] = (pad[i], pad[i] + max(extra, 0))
    tiled_stride = kernel if global_pool else stride
    if pool_type == "max" and _tiled_max_ok(sizes, kernel, tiled_stride, pad, outs):
        return _tiled_max(data, tuple(axes), tuple(kernel), tuple(outs))
    if pool_type == "max":
        # MXNet pads with the lowest finite value (an all-padding window gives it); the
        # reduction itself starts from -inf so JAX sees a differentiable max-pool.
        low = jnp.asarray(jnp.finfo(data.dtype).min, data.dtype)
        padded = lax.pad(data, low, [(lo, hi, 0) for lo, hi in padding])
        # (a concrete numpy init value lets JAX recognise the differentiable max-pool)
        return lax.reduce_window(padded, np.array(-np.inf, data.dtype), lax.max, window,
                                 strides, "VALID")
    acc = _acc_dtype(data.dtype)
    x = data.astype(acc)
    if pool_type == "lp":
        x = x if p_value == 1 else (x * x if p_value == 2 else x * x * x)
    total = lax.reduce_window(x, np.zeros((), acc), lax.add, window, strides, padding)
    if pool_type == "sum":
        return total.astype(data.dtype)
    if pool_type == "lp":
        if p_value == 2:
            total = jnp.sqrt(total)
        elif p_value == 3:
            total = jnp.cbrt(total)
        return total.astype(data.dtype)
    include = True if count_include_pad is None else count_include_pad
    if global_pool:
        include = True
    count = np.ones((), np.float64)
    shape = [1] * data.ndim
    for i, a in enumerate(axes):
        c = _counts(sizes[i], kernel[i], stride[i], pad[i], outs[i], include)
        shape[a] = outs[i]
        count = np.multiply.outer(count, c)
    count = np.maximum(count, 1).reshape(shape)
    return (total / jnp.asarray(count, acc)).astype(data.dtype)


# ============================================================================ ROIPooling

def _roi_check(arrays, attrs):
    if len(arrays) != 2:
        raise _n_inputs_error("ROIPooling", len(arrays), 2)
    data, rois = arrays
    if len(attrs["pooled_size"]) != 2:
        raise MXNetError(f"value {_shape_list(attrs['pooled_size'])}for Parameter pooled_size "
                         f"has wrong dimensions, expected dimension=2")
    if data.ndim != 4:
        raise MXNetError(f"Check failed: dshape.ndim() == 4U ({data.ndim} vs. 4) : data "
                         f"should be a 4D tensor")
    if rois.ndim != 2:
        raise MXNetError(f"Check failed: bshape.ndim() == 2U ({rois.ndim} vs. 2) : bbox "
                         f"should be a 2D tensor of shape [batch, 5]")
    if rois.shape[1] != 5:
        raise MXNetError(f"Check failed: bshape[1] == 5U ({rois.shape[1]} vs. 5) : bbox "
                         f"should be a 2D tensor of shape [batch, 5]")
    _require_float(data)
    if np.dtype(rois.dtype) != np.dtype(data.dtype):
        from .._backend.dtypes import DTYPE_TO_CODE
        raise MXNetError(f"Check failed: dtype == (*in_type)[1] "
                         f"({DTYPE_TO_CODE.get(np.dtype(data.dtype), -1)} vs. "
                         f"{DTYPE_TO_CODE.get(np.dtype(rois.dtype), -1)}) : ")


def _round_half_away(x):
    return jnp.sign(x) * jnp.floor(jnp.abs(x) + 0.5)


@register("ROIPooling", ("data", "rois"),
          attrs={"pooled_size": Shape(), "spatial_scale": Float()},
          same_dtype=False, check=_roi_check)
def _roi_pooling(data, rois, *, pooled_size, spatial_scale):
    """Max pooling of each region [batch, x1, y1, x2, y2] (image coordinates, scaled by
    spatial_scale and rounded) into a pooled_size grid; empty bins give 0."""
    n, c, h, w = data.shape
    ph, pw = pooled_size
    r = lax.stop_gradient(rois)
    bidx = jnp.clip(r[:, 0].astype(jnp.int32), 0, n - 1)
    x1 = _round_half_away(r[:, 1] * spatial_scale).astype(jnp.int32)
    y1 = _round_half_away(r[:, 2] * spatial_scale).astype(jnp.int32)
    x2 = _round_half_away(r[:, 3] * spatial_scale).astype(jnp.int32)
    y2 = _round_half_away(r[:, 4] * spatial_scale).astype(jnp.int32)
    rh = jnp.maximum(y2 - y1 + 1, 1).astype(jnp.float32)
    rw = jnp.maximum(x2 - x1 + 1, 1).astype(jnp.float32)

    def edges(start, length, bins, limit):
        b = jnp.arange(bins, dtype=jnp.float32)
        size = length[:, None] / bins
        lo = jnp.floor(b[None, :] * size).astype(jnp.int32) + start[:, None]
        hi = jnp.ceil((b[None, :] + 1) * size).astype(jnp.int32) + start[:, None]
        return jnp.clip(lo, 0, limit), jnp.clip(hi, 0, limit)

    hs, he = edges(y1, rh, ph, h)   # (R, ph)
    ws, we = edges(x1, rw, pw, w)   # (R, pw)
    low = jnp.asarray(jnp.finfo(data.dtype).min, data.dtype)
    ys = jnp.arange(h)
    xs = jnp.arange(w)

    def one(args):
        b, hs_, he_, ws_, we_ = args
        img = data[b]                                                   # (C, H, W)
        mw = (xs[None, :] >= ws_[:, None]) & (xs[None, :] < we_[:, None])  # (pw, W)
        mh = (ys[None, :] >= hs_[:, None]) & (ys[None, :] < he_[:, None])  # (ph, H)
        t = jnp.max(jnp.where(mw[None, None], img[:, :, None, :], low), axis=-1)  # (C, H, pw)
        o = jnp.max(jnp.where(mh[None, :, :, None], t[:, None, :, :], low), axis=2)  # (C,ph,pw)
        empty = (he_ <= hs_)[:, None] | (we_ <= ws_)[None, :]
        return jnp.where(empty[None], jnp.zeros((), data.dtype), o)

    return lax.map(one, (bidx, hs, he, ws, we))

