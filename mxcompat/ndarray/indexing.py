"""``NDArray.__getitem__`` / ``__setitem__`` with MXNet's legacy semantics.

* Basic indexing (ints, slices, None, Ellipsis) gives a view exactly when the selection
  is contiguous in row-major memory, otherwise a copy.
* Indexing every axis with an int gives shape (1,).
* Advanced indexing (lists, numpy arrays, NDArrays) gathers (numpy semantics); a numpy
  bool array is read as 0/1 integers, a bool NDArray is an error (legacy mode).
"""
from __future__ import annotations

import functools

import jax
import jax.numpy as jnp
import numpy as np

from .._backend import deferred as _deferred
from ..base import numeric_types
from ..ops.registry import REGISTRY
from ..ops.shape import Advanced, to_index
from . import ndarray as _ndmod
from .ndarray import NDArray

_BOOL_ND_MSG = ("Cannot perform boolean indexing in legacy mode. Please activate numpy "
                "semantics by calling `npx.set_np()` in the global scope before calling "
                "this function.")


def _is_advanced(k) -> bool:
    return isinstance(k, (NDArray, list, np.ndarray)) and not (
        isinstance(k, np.ndarray) and k.ndim == 0)


def _parse(x: NDArray, key):
    """Split a key into (static structure, index arrays, is_basic)."""
    if not isinstance(key, tuple):
        key = (key,)
    static, arrays = [], []
    basic = True
    for k in key:
        if _is_advanced(k):
            basic = False
            if isinstance(k, NDArray):
                if k._dtype == np.bool_:
                    raise ValueError(_BOOL_ND_MSG)
                arr = k
            else:
                a = np.asarray(k)
                if a.dtype == np.bool_ or not np.issubdtype(a.dtype, np.integer):
                    a = a.astype(np.int64)
                arr = a
            static.append(Advanced(len(arrays)))
            arrays.append(arr)
        elif isinstance(k, slice):
            static.append(("s", _int_or_none(k.start), _int_or_none(k.stop),
                           _int_or_none(k.step)))
        elif k is None or k is Ellipsis:
            static.append(k)
        elif isinstance(k, (int, np.integer)) or (isinstance(k, np.ndarray) and k.ndim == 0):
            static.append(int(k))
        else:
            raise IndexError(f"NDArray does not support index type {type(k)}")
    return static, arrays, basic


def _int_or_none(v):
    return None if v is None else int(v)


def _expand(static, ndim):
    """Replace Ellipsis by full slices; check the count of indexed axes."""
    n_axes = sum(1 for s in static if s is not None and s is not Ellipsis)
    if n_axes > ndim:
        raise IndexError(f"too many indices ({n_axes}) for array with {ndim} dimensions")
    out = []
    seen = False
    for s in static:
        if s is Ellipsis:
            if not seen:
                out.extend([("s", None, None, None)] * (ndim - n_axes))
                seen = True
        else:
            out.append(s)
    if not seen:
        out.extend([("s", None, None, None)] * (ndim - n_axes))
    return out


def _check_bounds(static, shape):
    # MXNet applies an all-int key one int at a time, so it names axis 0 in its message
    all_ints = all(isinstance(s, int) or s == ("s", None, None, None) for s in static)
    ax = 0
    out = []
    for s in static:
        if s is None:
            out.append(s)
            continue
        if isinstance(s, int):
            n = shape[ax]
            if not -n <= s < n:
                raise IndexError(f"index {s} is out of bounds for axis "
                                 f"{0 if all_ints else ax} with size {n}")
            out.append(s + n if s < 0 else s)
        else:
            out.append(s)
        ax += 1
    return out


def _view_window(static, shape):
    """(offset, result shape) if the basic selection is contiguous, else None."""
    ranges = []  # per axis: (start, count, step)
    out_shape = []
    ax = 0
    for s in static:
        if s is None:
            out_shape.append(1)
            continue
        n = shape[ax]
        if isinstance(s, int):
            ranges.append((s, 1, 1))
        else:
            start, stop, step = slice(s[1], s[2], s[3]).indices(n)
            count = len(range(start, stop, step))
            ranges.append((start, count, step))
            out_shape.append(count)
        ax += 1
    # the last axis not selected whole decides
    last = -1
    for i, (start, count, step) in enumerate(ranges):
        if not (start == 0 and count == shape[i] and step == 1):
            last = i
    if last >= 0:
        start, count, step = ranges[last]
        if step != 1 and count > 1:
            return None
        for i in range(last):
            if ranges[i][1] != 1:
                return None
    offset, stride = 0, 1
    for i in range(len(shape) - 1, -1, -1):
        offset += ranges[i][0] * stride
        stride *= shape[i]
    if not out_shape:
        out_shape = [1]
    return offset, tuple(out_shape)


@functools.lru_cache(maxsize=4096)
def _scatter_kernel(static: tuple):
    def scatter(data, value, *arrays):
        arrays = [a if jnp.issubdtype(a.dtype, jnp.integer) else a.astype(jnp.int64)
                  for a in arrays]
        idx = to_index(static, arrays)
        target = jax.eval_shape(lambda d: d[idx], data).shape
        if value.ndim > len(target):  # (1,)-shaped values for scalar targets
            value = value.reshape(value.shape[value.ndim - len(target):])
        return data.at[idx].set(value.astype(data.dtype))
    return jax.jit(scatter)


def _gather(x: NDArray, static, arrays, scalar_out: bool) -> NDArray:
    from ._invoke import invoke
    idx = [a if isinstance(a, NDArray) else _ndmod._wrap(jnp.asarray(a), x._ctx)
           for a in arrays]
    return invoke(REGISTRY["_index"], [x] + idx,
                  {"num_args": 1 + len(idx), "key": tuple(static), "scalar_out": scalar_out})


def getitem(x: NDArray, key):
    static, arrays, basic = _parse(x, key)
    shape = x.shape
    if basic:
        static = _check_bounds(_expand(static, len(shape)), shape)
        win = _view_window(static, shape)
        if win is not None:
            view = x._view_of(*win)
            hook = _ndmod._view_hook
            if hook is not None:
                hook(x, view, "_index", {"num_args": 1, "key": tuple(static),
                                         "scalar_out": True})
            return view
        return _gather(x, static, (), True)
    return _gather(x, _expand(static, len(shape)), arrays, False)


def _value_for(value, target_shape: tuple, dtype, device=None):
    """The value to store, broadcast-checked against the target region and cast."""
    if isinstance(value, NDArray):
        v = value._raw()
        if type(v) is _deferred.Pending:
            if device is not None and _deferred.multi_device():
                v = v.get()
        if device is not None and type(v) is not _deferred.Pending \
                and v.devices() != {device}:
            v = jax.device_put(v, device)
        if not _broadcastable(v.shape, target_shape):
            raise ValueError(
                "operands could not be broadcast together with remapped shapes"
                f"[original->remapped]: {tuple(v.shape)} and requested shape {target_shape}")
        return v
    if isinstance(value, numeric_types):
        return jnp.asarray(np.asarray(value).astype(dtype))
    host = np.asarray(value)
    host = np.broadcast_to(host, target_shape) if not _broadcastable(host.shape,
                                                                       target_shape) else host
    return jnp.asarray(host.astype(dtype))


def _broadcastable(src, dst) -> bool:
    if len(src) > len(dst):
        # extra leading ones are tolerated (MXNet squeezes them)
        extra = src[:len(src) - len(dst)]
        if any(d != 1 for d in extra):
            return False
        src = src[len(src) - len(dst):]
    for s, d in zip(src[::-1], dst[::-1]):
        if s != d and s != 1:
            return False
    return True


@jax.jit
def _fill(value, like):
    return jnp.broadcast_to(value.astype(like.dtype), like.shape)


def setitem(x: NDArray, key, value) -> None:
    if not x.writable:
        raise ValueError("Cannot assign to readonly NDArray")
    static, arrays, basic = _parse(x, key)
    shape = x.shape
    dtype = x._dtype
    if basic:
        static = _check_bounds(_expand(static, len(shape)), shape)
        win = _view_window(static, shape)
        if win is not None:
            offset, vshape = win
            target_shape = tuple(s for s in vshape)
            v = _value_for(value, target_shape, dtype, x._ctx.jax_device)
            if v.ndim > len(target_shape):
                v = _deferred.resolve(v).reshape(v.shape[v.ndim - len(target_shape):])
            ctx = x._ctx
            if offset == 0 and target_shape == shape:
                # x[:] = y: share y's (immutable) buffer when nothing needs converting
                same = v.shape == shape and v.dtype == dtype
                x._set(v if same else _deferred.run(_fill, (v, x._raw()), ctx))
            else:
                region = x._view_of(offset, target_shape)
                region._set(_deferred.run(_fill, (v, region._raw()), ctx))
            return
        static = tuple(static)
        target_shape = tuple(jax.eval_shape(lambda d: d[to_index(static)],
                                            jax.ShapeDtypeStruct(shape, dtype)).shape)
        v = _value_for(value, target_shape, dtype, x._ctx.jax_device)
        x._set(_scatter_kernel(static)(x._array, v))
        return
    static = tuple(_expand(static, len(shape)))
    arrays = [a._array if isinstance(a, NDArray) else a for a in arrays]
    v = _value_for(value, tuple(jax.eval_shape(
        lambda d, *a: d[to_index(static, a)], jax.ShapeDtypeStruct(shape, dtype),
        *arrays).shape), dtype, x._ctx.jax_device)
    x._set(_scatter_kernel(static)(x._array, v, *arrays))
