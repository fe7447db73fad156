"""Sorting and order statistics: sort, argsort, topk, and _histogram.

Sorts are stable: equal elements keep their original order, in ascending and in
descending order alike. This is what MXNet's CPU kernels give for up to 16 elements per
sorted row (std::sort falls back to insertion sort there); for longer rows MXNet's order
among ties is an artefact of std::sort and is not reproduced.
"""
from __future__ import annotations

import jax.numpy as jnp
import numpy as np
from jax import lax

from ..base import MXNetError
from .attrs import Bool, Enum, FloatTuple, Int, OptInt
from .indexing import DtypeChoice, tblob_type_error
from .registry import register

_IDX_DTYPES = ("float16", "float32", "float64", "int32", "int64", "uint8")


def _axis_check(arrays, attrs):
    axis = attrs["axis"]
    if axis is None:
        return
    nd = arrays[0].ndim
    ax = axis + nd if axis < 0 else axis
    if not 0 <= ax < nd:
        raise MXNetError(f"Check failed: *axis >= 0 && *axis < static_cast<int>(src_shape."
                         f"ndim()): Invalid axis! axis should be between 0 and {nd}, found "
                         f"axis={ax}")


def _stable_argsort(x, axis: int, ascend: bool):
    """Stable argsort along ``axis`` (ties keep their original order either way)."""
    if x.dtype == jnp.bool_:
        x = x.astype(jnp.int8)
    elif jnp.issubdtype(x.dtype, jnp.floating):
        x = x + jnp.zeros((), x.dtype)  # -0.0 and 0.0 compare equal, as in C++
    if ascend:
        return jnp.argsort(x, axis=axis, stable=True)
    # descending: sort the reversed row ascending, then reverse back
    n = x.shape[axis]
    rev = jnp.flip(x, axis)
    order = jnp.argsort(rev, axis=axis, stable=True)
    return jnp.flip(n - 1 - order, axis)


def _prepare(data, axis):
    if axis is None:
        return data.reshape(-1), 0
    return data, axis % data.ndim


@register("sort", check=_axis_check, attrs={"axis": OptInt(-1), "is_ascend": Bool(True)})
def _sort(data, axis, is_ascend):
    """Sorted copy along ``axis`` (axis=None sorts the flattened array)."""
    x, ax = _prepare(data, axis)
    order = _stable_argsort(x, ax, is_ascend)
    return jnp.take_along_axis(x, order, axis=ax)


@register("argsort", check=_axis_check, differentiable=False,
          attrs={"axis": OptInt(-1), "is_ascend": Bool(True),
                 "dtype": DtypeChoice(_IDX_DTYPES, "float32")})
def _argsort(data, axis, is_ascend, dtype):
    """Indices that sort ``data`` along ``axis``, as ``dtype`` (float32 by default)."""
    x, ax = _prepare(data, axis)
    return _stable_argsort(x, ax, is_ascend).astype(dtype)


def _topk_k(attrs, n: int) -> int:
    k = attrs["k"]
    return n if k <= 0 else k


def _topk_check(arrays, attrs):
    _axis_check(arrays, attrs)
    x = arrays[0]
    n = x.size if attrs["axis"] is None else x.shape[attrs["axis"] % max(x.ndim, 1)]
    k = _topk_k(attrs, n)
    if k > n:
        raise MXNetError(f"Check failed: *k >= 0 && *k <= *element_num: k must be smaller "
                         f"than {n}, get k = {k}")


def _topk_outputs(attrs):
    return 2 if attrs["ret_typ"] == "both" else 1


@register("topk", check=_topk_check, num_outputs=_topk_outputs,
          attrs={"axis": OptInt(-1), "k": Int(1),
                 "ret_typ": Enum(("both", "indices", "mask", "value"), "indices"),
                 "is_ascend": Bool(False), "dtype": DtypeChoice(_IDX_DTYPES, "float32")})
def _topk(data, axis, k, ret_typ, is_ascend, dtype):
    """The k largest (or smallest, with is_ascend) elements along ``axis``: their values,
    their indices (as ``dtype``), both, or a 0/1 mask of ``data``'s shape and dtype."""
    x, ax = _prepare(data, axis)
    n = x.shape[ax]
    k = n if k <= 0 else k
    order = lax.slice_in_dim(_stable_argsort(x, ax, is_ascend), 0, k, axis=ax)
    if ret_typ == "mask":
        hit = jnp.zeros(x.shape, jnp.bool_)
        ones = jnp.ones(order.shape, jnp.bool_)
        hit = _put_along_axis(hit, order, ones, ax)
        return hit.astype(data.dtype).reshape(data.shape)
    values = jnp.take_along_axis(x, order, axis=ax)
    if ret_typ == "value":
        return values
    indices = order.astype(dtype)
    if ret_typ == "indices":
        return indices
    return values, indices


def _put_along_axis(arr, indices, values, axis):
    idx = []
    for d in range(arr.ndim):
        if d == axis:
            idx.append(indices)
        else:
            shape = [1] * arr.ndim
            shape[d] = arr.shape[d]
            idx.append(jnp.arange(arr.shape[d]).reshape(shape))
    return arr.at[tuple(idx)].set(values)


# ----------------------------------------------------------------------------- histogram
def _hist_check(arrays, attrs):
    cnt, rng = attrs["bin_cnt"], attrs["range"]
    if (cnt is None) != (rng is None):
        raise MXNetError("Check failed: legal_param: cnt and range should both or neither "
                         "specified")
    if cnt is None:
        if len(arrays) < 2 or arrays[1] is None:
            raise MXNetError(f"Check failed: num_inputs == infered_num_inputs "
                             f"({len(arrays)} vs. 2) : Operator _histogram expects 2 inputs, "
                             f"but got {len(arrays)} instead.")
        if arrays[1].dtype != arrays[0].dtype:
            raise tblob_type_error(arrays[1].dtype, arrays[0].dtype)
        return
    if len(rng) != 2:
        raise MXNetError(f"Invalid Parameter format for range expect tuple of <float> but "
                         f"value='{rng}'")
    if rng[0] > rng[1]:
        raise MXNetError(f"Check failed: param.range.value()[0] <= param.range.value()[1]: "
                         f"left hand side of range({_num(rng[0])})should be less than or "
                         f"equal to right hand side({_num(rng[1])})")


def _num(v: float) -> str:
    return str(int(v)) if float(v) == int(v) else "%g" % v


def _inclusive_bounds(lo: float, hi: float, dtype):
    """Bounds ``(a, b)`` in ``dtype`` such that ``a <= x <= b`` holds exactly when
    ``lo <= x <= hi`` holds for the value x compared in double precision."""
    dt = np.dtype(dtype)
    if np.issubdtype(dt, np.integer):
        info = np.iinfo(dt)
        a = min(max(int(np.ceil(lo)), int(info.min)), int(info.max))
        b = max(min(int(np.floor(hi)), int(info.max)), int(info.min))
        empty = np.ceil(lo) > info.max or np.floor(hi) < info.min
        return np.asarray(a, dt), np.asarray(b, dt), empty
    a = dt.type(lo)
    if float(a) < lo:
        a = np.nextafter(a, dt.type(np.inf))
    b = dt.type(hi)
    if float(b) > hi:
        b = np.nextafter(b, dt.type(-np.inf))
    return np.asarray(a, dt), np.asarray(b, dt), False


@register("_histogram", ("data", "bins"), same_dtype=False, differentiable=False,
          check=_hist_check, num_outputs=2,
          attrs={"bin_cnt": OptInt(None), "range": FloatTuple(None, allow_none=True)})
def _histogram(data, bins=None, bin_cnt=None, range=None):  # noqa: A002 (MXNet's name)
    """Counts (int64) of the flattened ``data`` in ``bin_cnt`` equal bins over ``range``,
    or in the bins whose edges are ``bins``; returns (counts, edges). The last bin
    includes its right edge; values outside the range (and NaN) are not counted."""
    x = data.reshape(-1)
    if bin_cnt is not None:
        lo, hi = float(range[0]), float(range[1])
        edges_np = (lo + np.arange(bin_cnt + 1, dtype=np.float64) * (hi - lo) / bin_cnt
                    if bin_cnt else np.asarray([np.nan]))
        with np.errstate(invalid="ignore"):
            edges = jnp.asarray(edges_np.astype(np.dtype(data.dtype)))
        a, b, empty = _inclusive_bounds(lo, hi, data.dtype)
        valid = (x >= a) & (x <= b)
        if empty:
            valid = jnp.zeros_like(valid)
        n_bins = bin_cnt
    else:
        edges = bins.reshape(-1)
        n_bins = edges.shape[0] - 1
        valid = (x >= edges[0]) & (x <= edges[-1])
    if n_bins <= 0:
        return jnp.zeros((max(n_bins, 0),), jnp.int64), edges
    which = jnp.searchsorted(edges, x, side="right") - 1
    which = jnp.clip(which, 0, n_bins - 1)
    which = jnp.where(valid, which, n_bins)
    counts = jnp.zeros((n_bins,), jnp.int64).at[which].add(1, mode="drop")
    return counts, edges
