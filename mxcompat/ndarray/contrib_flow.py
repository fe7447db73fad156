"""The Python-level functions of ``mx.nd.contrib``: ``isnan``/``isinf``/``isfinite`` and the
control-flow helpers ``foreach``, ``while_loop`` and ``cond``.

As in MXNet's NDArray API these run eagerly: the body is an ordinary Python function called
once per step, so autograd records its operators like any others.
"""
from __future__ import annotations

from typing import Any, Callable

__all__ = ["isnan", "isinf", "isfinite", "foreach", "while_loop", "cond", "install"]


def _nd():
    from .. import ndarray
    return ndarray


def _ndarray_type():
    from .ndarray import NDArray
    return NDArray


# ----------------------------------------------------------------------------- predicates
def isnan(data):
    """1 where ``data`` is NaN, else 0 (in ``data``'s dtype)."""
    return data != data


def isinf(data):
    """1 where ``data`` is +-inf, else 0."""
    return data.abs() == float("inf")


def isfinite(data):
    """1 where ``data`` is neither NaN nor infinite, else 0."""
    return _nd().logical_and(data.abs() != float("inf"), data == data)


# ----------------------------------------------------------------------------- nesting
def _flatten(obj: Any, what: str) -> tuple[list, Any]:
    """(leaves, format) of an NDArray or nested list/tuple of NDArrays. The format is 0 for
    a lone NDArray, else a list of the members' formats."""
    nd_type = _ndarray_type()
    if obj is None:
        return [], []
    if isinstance(obj, nd_type):
        return [obj], 0
    if not isinstance(obj, (list, tuple)):
        raise AssertionError(f"{what} must be (nested) list of NDArray, but got {obj} of "
                             f"type {type(obj)}")
    leaves, fmt = [], []
    for item in obj:
        sub, sub_fmt = _flatten(item, what)
        leaves.extend(sub)
        fmt.append(sub_fmt)
    return leaves, fmt


def _regroup(leaves: list, fmt: Any):
    """Inverse of ``_flatten``: rebuild the nesting described by ``fmt``."""
    def build(pos, f):
        if f == 0:
            return leaves[pos], pos + 1
        out = []
        for sub in f:
            item, pos = build(pos, sub)
            out.append(item)
        return out, pos

    return build(0, fmt)[0]


def _to_bool(value, name: str) -> bool:
    if hasattr(value, "asscalar"):
        value = value.asscalar()
    try:
        return bool(value)
    except (TypeError, ValueError):
        raise ValueError(f"Cannot convert {name} to python bool") from None


# ----------------------------------------------------------------------------- foreach
def foreach(body: Callable, data, init_states):
    """Run ``body(item, states) -> (outputs, new_states)`` over the first axis of ``data``.

    Returns the per-step outputs stacked along a new first axis (in the nesting ``body``
    returned them in) and the final states.
    """
    nd = _nd()
    nd_type = _ndarray_type()
    _flatten(data, "foreach input")
    _flatten(init_states, "foreach states")
    single = isinstance(data, nd_type)
    n = data.shape[0] if single else data[0].shape[0]
    states = init_states
    steps, out_fmt = [], []
    for i in range(n):
        item = data[i] if single else [d[i] for d in data]
        outs, states = body(item, states)
        flat, out_fmt = _flatten(outs, "foreach output")
        steps.append(flat)
    stacked = [nd.stack(*col) for col in zip(*steps)]
    return _regroup(stacked, out_fmt) if steps else [], states


# ----------------------------------------------------------------------------- while_loop
def while_loop(cond: Callable, func: Callable, loop_vars, max_iterations: int | None = None):
    """Run ``func(*loop_vars) -> (step_output, new_loop_vars)`` while ``cond(*loop_vars)``
    holds, at most ``max_iterations`` times.

    Returns the step outputs stacked along a new first axis and padded to
    ``max_iterations`` rows (MXNet leaves the padding uninitialised; here it is zero), and
    the final loop variables.
    """
    nd = _nd()
    if max_iterations is None:
        raise ValueError("max_iterations should be specified")
    max_iterations = _to_int(max_iterations)
    flat_vars, var_fmt = _flatten(loop_vars, "while loop_vars")
    n_vars = len(flat_vars)
    steps, out_fmt, step = [], None, 0
    while step < max_iterations and _to_bool(cond(*flat_vars), "Return value of cond"):
        step_out, new_vars = func(*flat_vars)
        flat_out, fmt = _flatten(step_out, "step_output")
        flat_vars, _ = _flatten(new_vars, "new_loop_vars")
        if len(flat_vars) != n_vars:
            raise ValueError("The length of loop_vars should be consistent during the loop")
        if steps and len(flat_out) != len(steps[0]):
            raise ValueError("Number of elements in step_output should be the same in each "
                             "step")
        steps.append(flat_out)
        out_fmt = fmt
        step += 1
    outputs = []
    for col in zip(*steps):
        items = list(col)
        stacked = nd.stack(*items)
        pad = max_iterations - len(items)
        if pad:
            zeros = nd.zeros((pad,) + tuple(items[0].shape), ctx=items[0].context,
                             dtype=items[0].dtype)
            stacked = nd.concat(stacked, zeros, dim=0)
        outputs.append(stacked)
    result = _regroup(outputs, out_fmt) if steps and out_fmt is not None else []
    return result, _regroup(flat_vars, var_fmt)


def _to_int(value) -> int:
    if hasattr(value, "asscalar"):
        value = value.asscalar()
    try:
        return int(value)
    except (TypeError, ValueError):
        raise ValueError("Cannot convert max_iterations to python int") from None


# ----------------------------------------------------------------------------- cond
def cond(pred, then_func: Callable, else_func: Callable):
    """``then_func()`` if the one-element ``pred`` is non-zero, else ``else_func()``."""
    if _to_bool(pred, "pred"):
        return then_func()
    return else_func()


def install(module) -> None:
    """Add these functions to the ``mx.nd.contrib`` module object."""
    for name in __all__:
        if name != "install":
            setattr(module, name, globals()[name])
