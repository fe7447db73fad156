"""Array-creating operators (no array inputs): _zeros, _ones, _full, _arange, _eye..."""
from __future__ import annotations

import math

import jax.numpy as jnp

from .attrs import Bool, Dtype, Float, Int, OptFloat, Shape
from .registry import register

_DT = Dtype("float32")


@register("_zeros", (), attrs={"shape": Shape(()), "dtype": _DT},
          differentiable=False, ignored_attrs=("ctx",))
def _zeros(shape, dtype):
    return jnp.zeros(shape, dtype)


@register("_ones", (), attrs={"shape": Shape(()), "dtype": _DT},
          differentiable=False, ignored_attrs=("ctx",))
def _ones(shape, dtype):
    return jnp.ones(shape, dtype)


@register("_full", (), attrs={"shape": Shape(()), "dtype": _DT,
                              "value": Float(dynamic=True)},
          differentiable=False, ignored_attrs=("ctx",))
def _full(shape, dtype, value):
    return jnp.full(shape, jnp.asarray(value).astype(dtype), dtype)


def arange_length(start, stop, step, repeat) -> int:
    if stop is None:
        start, stop = 0.0, start
    n = math.ceil((stop - start) / step)
    return max(n, 0) * repeat


@register("_arange", (), differentiable=False, ignored_attrs=("ctx",),
          attrs={"start": Float(), "stop": OptFloat(None), "step": Float(1.0),
                 "repeat": Int(1), "infer_range": Bool(False), "dtype": _DT})
def _arange(start, stop, step, repeat, infer_range, dtype):
    if stop is None:
        start, stop = 0.0, start
    n = arange_length(start, stop, step, 1)
    vals = start + step * jnp.arange(n, dtype=jnp.float64)
    if repeat > 1:
        vals = jnp.repeat(vals, repeat)
    return vals.astype(dtype)


@register("_linspace", (), differentiable=False, ignored_attrs=("ctx",),
          attrs={"start": Float(), "stop": Float(), "num": Int(), "endpoint": Bool(True),
                 "dtype": _DT})
def _linspace(start, stop, num, endpoint, dtype):
    return jnp.linspace(start, stop, num, endpoint=endpoint, dtype=jnp.float64).astype(dtype)


@register("_eye", (), differentiable=False, ignored_attrs=("ctx",),
          attrs={"N": Int(), "M": Int(0), "k": Int(0), "dtype": _DT})
def _eye(N, M, k, dtype):
    return jnp.eye(N, M if M > 0 else N, k, dtype=dtype)
