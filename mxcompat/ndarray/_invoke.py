"""Eager execution of registry operators on NDArrays.

``invoke`` is the one hot path of the library: look up (or build once) the compiled kernel
for the operator and its static attributes, call it on the raw ``jax.Array``s, wrap the
results. Nothing is traced in steady state. Autograd hooks in through ``hooks.record``.
"""
from __future__ import annotations

from typing import Any, Sequence

import jax

from .._backend import deferred as _deferred
from .._backend import devices as _devices
from .._backend import rng as _rng
from ..base import MXNetError, incompatible_attr
from ..context import Context, current_context
from ..ops.registry import Op
from .ndarray import NDArray, _wrap

__all__ = ["invoke", "hooks", "call_kernel"]


class _Hooks:
    """Set by higher layers (autograd) to observe eager operator calls."""

    __slots__ = ("record", "is_training", "state")

    def __init__(self):
        self.record = None          # record(op, attrs, dyn, in_arrays, in_nds, out_nds)
        self.state = None           # an object whose ``recording`` attribute gates record
        self.is_training = lambda: False


hooks = _Hooks()


def _attr_key(kwargs: dict):
    try:
        key = tuple(kwargs.items())
        hash(key)
        return key
    except TypeError:
        return None


def prepare(op: Op, kwargs: dict) -> tuple:
    """(parsed attributes, dynamic values, static key), cached per raw kwargs."""
    key = _attr_key(kwargs) if kwargs else ()
    if key is not None:
        hit = op._front_cache.get(key)
        if hit is not None:
            return hit
    attrs = op.parse(kwargs)
    res = (attrs, tuple(attrs[k] for k in op.dynamic if k in attrs), op.static_key(attrs))
    if key is not None and len(op._front_cache) < 4096:
        op._front_cache[key] = res
    return res


def _dtype_error(arrays, i) -> MXNetError:
    d0, di = arrays[0].dtype, arrays[i].dtype
    return incompatible_attr(i, "bool" if d0 == bool else d0.name,
                             "bool" if di == bool else di.name)


def _explain_failure(op: Op, arrays, attrs, exc: Exception) -> MXNetError:
    msg = None
    if op.explain is not None:
        try:
            msg = op.explain(arrays, attrs)
        except Exception:  # an explanation must never hide the original error
            msg = None
    if msg is None:
        shapes = ", ".join(str(tuple(a.shape)) for a in arrays)
        msg = f"Operator {op.name} failed on inputs of shapes [{shapes}]: {exc}"
    return MXNetError(msg)


def call_kernel(op: Op, arrays: Sequence[jax.Array], attrs: dict, dyn: tuple,
                device=None, static: tuple | None = None, ctx: Context | None = None):
    """Run the compiled kernel (deferred: see _backend/deferred.py); returns the raw
    result (array or tuple; placeholders while deferred)."""
    if op.same_dtype and len(arrays) > 1:
        d0 = arrays[0].dtype
        for i in range(1, len(arrays)):
            if arrays[i].dtype != d0:
                raise _dtype_error(arrays, i)
    if op.check is not None:
        op.check(arrays, attrs)
    kern = op.kernel_for(op.static_key(attrs) if static is None else static,
                         hooks.is_training() if op.train_aware else False, device)
    try:
        return _deferred.run(kern, (*arrays, *dyn), ctx)
    except MXNetError:
        raise
    except Exception as exc:  # JAX shape/type errors become MXNet errors
        raise _explain_failure(op, arrays, attrs, exc) from None


def _write_back(op: Op, inputs, res):
    """Store the updated ``mutate`` inputs; return the visible outputs. These writes are
    the operator's own state updates, not user in-place assignments: MXNet allows them
    while recording, so the autograd in-place check (the write hook) is not run."""
    from . import ndarray as _ndm
    k = len(op.mutate)
    visible, updates = res[:-k], res[-k:]
    hook, _ndm._write_hook = _ndm._write_hook, None
    try:
        for name, new in zip(op.mutate, updates):
            inputs[op.inputs.index(name)]._set(new)
    finally:
        _ndm._write_hook = hook
    return visible[0] if len(visible) == 1 else tuple(visible)


def invoke(op: Op, inputs: Sequence[NDArray], kwargs: dict, out: Any = None,
           ctx: Context | None = None):
    """Run ``op`` eagerly on NDArrays; returns an NDArray, a list of them, or ``out``."""
    if op.needs_key and _rng.exact_active() and (  # the opt-in MXNet-exact random stream
            op.needs_key is True or op.needs_key(prepare(op, kwargs)[0], hooks.is_training())):
        from .random import _host_call
        r = _host_call(op, inputs, kwargs, out, ctx)
        if r is not None:
            return r
    attrs, dyn, static = prepare(op, kwargs)
    arrays = [x._v if x._view is None else x._raw() for x in inputs]
    if inputs:
        ctx = inputs[0]._ctx
        device = None
    else:
        if ctx is None:
            ctx = current_context()
        device = _devices.device_for(ctx.device_type, ctx.device_id, op.name)
    if op.needs_key:
        nk = op.needs_key
        if nk is True or nk(attrs, hooks.is_training()):
            dyn = dyn + (_rng.next_key((ctx.device_type, ctx.device_id)),)
        else:
            dyn = dyn + (_rng.placeholder_key(),)
    res = call_kernel(op, arrays, attrs, dyn, device, static, ctx)
    if op.mutate:
        res = _write_back(op, inputs, res)
    multi = isinstance(res, (tuple, list))
    outs = res if multi else (res,)
    if multi and len(outs) == 1:  # one output is returned as the array, as in MXNet
        multi = False
    if out is not None:
        targets = out if isinstance(out, (list, tuple)) else (out,)
        if len(targets) != len(outs):
            raise MXNetError(f"Operator {op.name} expects {len(outs)} outputs, "
                             f"but got {len(targets)} arrays in out")
        for t, r in zip(targets, outs):
            t._assign(r, f"Operator {op.name}")
        result_nds = list(targets)
        result = out
    else:
        result_nds = [_wrap(r, ctx) for r in outs]
        result = result_nds if multi else result_nds[0]
    st = hooks.state
    if st is not None and st.recording:
        hooks.record(op, attrs, dyn, arrays, inputs, result_nds, static)
    return result
