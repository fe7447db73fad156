"""Reductions. Reducing every axis without keepdims gives shape (1,), as in MXNet."""
from __future__ import annotations

import jax.numpy as jnp

from ..base import MXNetError
from .attrs import Bool, Enum, Int, OptInt, Shape
from .registry import register


def _axes(ndim: int, axis, exclude: bool) -> tuple:
    if axis is None or axis == ():
        axes = tuple(range(ndim))
        return axes if not exclude else ()
    axes = tuple(a + ndim if a < 0 else a for a in axis)
    if exclude:
        axes = tuple(i for i in range(ndim) if i not in axes)
    return tuple(sorted(axes))


def _reduce_check(arrays, attrs):
    x = arrays[0]
    axis = attrs.get("axis")
    if axis:
        nd = x.ndim
        for a in axis:
            if a >= nd or a < -nd:
                raise MXNetError(
                    f"Check failed: axes[axes.ndim()-1] < ishape.ndim() ({a} vs. {nd}) : "
                    f"Reduction axis {a} Exceeds input dimensions "
                    f"[{','.join(str(d) for d in x.shape)}]")


def _finish(res, x, axes, keepdims):
    if not keepdims and len(axes) == x.ndim:
        res = res.reshape((1,))
    return res


def _make_reducer(fn, keep_dtype=True):
    def op(data, axis, keepdims, exclude):
        axes = _axes(data.ndim, axis, exclude)
        res = fn(data, axis=axes, keepdims=keepdims)
        if keep_dtype and res.dtype != data.dtype:
            res = res.astype(data.dtype)
        return _finish(res, data, axes, keepdims)
    return op


def _mean(x, axis, keepdims):
    if jnp.issubdtype(x.dtype, jnp.integer):
        n = 1
        for a in axis:
            n *= x.shape[a]
        return jnp.sum(x, axis=axis, keepdims=keepdims) // max(n, 1)
    return jnp.mean(x, axis=axis, keepdims=keepdims)


_RED_ATTRS = {"axis": Shape(None, allow_none=True), "keepdims": Bool(False),
              "exclude": Bool(False)}

for _name, _fn, _aliases, _diff in (
        ("sum", jnp.sum, ("sum_axis",), True),
        ("mean", _mean, (), True),
        ("prod", jnp.prod, (), True),
        ("nansum", jnp.nansum, (), True),
        ("nanprod", jnp.nanprod, (), True),
        ("max", jnp.max, ("max_axis",), True),
        ("min", jnp.min, ("min_axis",), True)):
    register(_name, attrs=dict(_RED_ATTRS), aliases=_aliases, check=_reduce_check,
             differentiable=_diff)(_make_reducer(_fn))


@register("norm", attrs={"ord": Int(2), "axis": Shape(None, allow_none=True),
                         "out_dtype": Enum(("float16", "float32", "float64", "int32",
                                            "int64", "int8"), None, allow_none=True),
                         "keepdims": Bool(False)}, check=_reduce_check)
def _norm(data, ord, axis, out_dtype, keepdims):
    axes = _axes(data.ndim, axis, False)
    x = data.astype(jnp.float32) if jnp.issubdtype(data.dtype, jnp.integer) else data
    if ord == 1:
        res = jnp.sum(jnp.abs(x), axis=axes, keepdims=keepdims)
    elif ord == 2:
        res = jnp.sqrt(jnp.sum(x * x, axis=axes, keepdims=keepdims))
    else:
        raise MXNetError(f"Check failed: param.ord == 1 || param.ord == 2: norm only "
                         f"supports ord=1 and ord=2, got ord={ord}")
    res = res.astype(out_dtype if out_dtype else data.dtype)
    return _finish(res, data, axes, keepdims)


def _arg_reduce(fn):
    def op(data, axis, keepdims):
        out_dtype = data.dtype
        if axis is None:
            res = fn(data.reshape(-1), axis=0).astype(out_dtype)
            return res.reshape((1,) * data.ndim if keepdims else (1,))
        res = fn(data, axis=axis, keepdims=keepdims)
        if res.ndim == 0:  # MXNet has no 0-d arrays: a 1-d input gives shape (1,)
            res = res.reshape((1,))
        return res.astype(out_dtype)
    return op


def _arg_check(arrays, attrs):
    axis = attrs.get("axis")
    x = arrays[0]
    if axis is not None and not (-x.ndim <= axis < x.ndim):
        raise MXNetError(f"Check failed: axis < ndim && axis >= -ndim: axis {axis} exceeds "
                         f"the input dimension of {x.ndim}")


register("argmax", attrs={"axis": OptInt(None), "keepdims": Bool(False)},
         differentiable=False, check=_arg_check)(_arg_reduce(jnp.argmax))
register("argmin", attrs={"axis": OptInt(None), "keepdims": Bool(False)},
         differentiable=False, check=_arg_check)(_arg_reduce(jnp.argmin))


@register("argmax_channel", differentiable=False)
def _argmax_channel(data):
    return jnp.argmax(data, axis=-1).astype(data.dtype)


