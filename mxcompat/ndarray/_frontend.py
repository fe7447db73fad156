"""Generate the ``mx.nd.<op>`` functions from the operator registry.

Arguments bind as in MXNet's generated functions: positional arguments fill the inputs,
then the attributes in declaration order, then ``out``, then ``name``; inputs may also be
given by keyword (``data=x``). A variadic operator (concat, stack, add_n) takes all its
positional arguments as inputs.
"""
from __future__ import annotations

import inspect
from typing import Callable

from ..base import MXNetError
from ..ops.registry import REGISTRY, Op
from ._invoke import invoke
from .ndarray import NDArray

_FUNCS: dict[str, Callable] = {}


def _required_inputs(op: Op) -> int:
    if op.variadic:
        return 1
    try:
        params = list(inspect.signature(op.fn).parameters.values())
    except (TypeError, ValueError):
        return len(op.inputs)
    n = 0
    for p in params[:len(op.inputs)]:
        if p.default is inspect.Parameter.empty and p.kind in (
                p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD):
            n += 1
    return n


def _not_ndarray(op: Op, name: str, value) -> AssertionError:
    return AssertionError(f"Argument {name} must have NDArray type, but got {value}")


def make_function(op: Op, public_name: str) -> Callable:
    inputs = op.inputs
    n_in = len(inputs)
    attr_names = tuple(op.attrs)
    tail = attr_names + ("out", "name")
    variadic = op.variadic
    need = _required_inputs(op)

    if variadic:
        def fn(*args, out=None, name=None, ctx=None, **kwargs):
            nds = list(args)
            for i, a in enumerate(nds):
                if not isinstance(a, NDArray):
                    raise _not_ndarray(op, f"{inputs[0]}", a)
            kwargs.setdefault(variadic, len(nds))
            return invoke(op, nds, kwargs, out=out)
    else:
        def fn(*args, out=None, name=None, ctx=None, **kwargs):
            nds = list(args[:n_in])
            if len(args) > n_in:
                for k, v in zip(tail, args[n_in:]):
                    if k == "out":
                        out = v
                    elif k != "name":
                        kwargs[k] = v
            if kwargs and len(nds) < n_in:
                for k in inputs[len(nds):]:
                    nds.append(kwargs.pop(k, None))
            if any(a is None for a in nds):  # inputs not given are left out, as MXNet
                nds = [a for a in nds if a is not None]
            if len(nds) < need:
                raise MXNetError(
                    f"Check failed: num_inputs == infered_num_inputs ({len(nds)} vs. {need})"
                    f" : Operator {op.name} expects {need} inputs, but got {len(nds)} "
                    f"instead.")
            for k, a in zip(inputs, nds):
                if not isinstance(a, NDArray):
                    raise _not_ndarray(op, k, a)
            if ctx is not None and not nds:  # creation operators: where to create
                from ..context import Context
                ctx = ctx if isinstance(ctx, Context) else Context(ctx)
                return invoke(op, nds, kwargs, out=out, ctx=ctx)
            return invoke(op, nds, kwargs, out=out)

    fn.__name__ = public_name
    fn.__qualname__ = public_name
    fn.__doc__ = _doc(op)
    fn._op = op
    return fn


def _doc(op: Op) -> str:
    lines = [op.doc or f"The {op.name} operator.", "", "Inputs: " + ", ".join(op.inputs)]
    if op.attrs:
        lines.append("Attributes:")
        lines.extend(f"    {k} : {a.describe()}" for k, a in op.attrs.items())
    return "\n".join(lines)


def function_for(name: str) -> Callable:
    """The generated function of operator ``name`` (built once)."""
    fn = _FUNCS.get(name)
    if fn is None:
        fn = _FUNCS[name] = make_function(REGISTRY[name], name)
    return fn


# Namespaces: registry prefixes that MXNet exposes as submodules (nd.linalg.gemm2).
SUBMODULE_PREFIXES = {"linalg_": "linalg", "_linalg_": "linalg", "_contrib_": "contrib",
                      "contrib_": "contrib", "_image_": "image", "_random_": "random",
                      "_sample_": "random", "_sparse_": "sparse"}


def namespace_entries() -> tuple[dict, dict]:
    """(top-level functions, {submodule: {short name: function}}) for every operator."""
    top, subs = {}, {}
    for name in REGISTRY:
        fn = function_for(name)
        top[name] = fn
        for prefix, mod in SUBMODULE_PREFIXES.items():
            if name.startswith(prefix):
                subs.setdefault(mod, {})[name[len(prefix):]] = fn
                break
    return top, subs


def add_fluent_methods(cls, names, functions: dict) -> None:
    """Give ``cls`` a method per name (``x.exp()`` for ``exp(x)``), as MXNet's fluent API."""
    def fluent(fn):
        def method(self, *args, **kwargs):
            return fn(self, *args, **kwargs)
        method.__name__ = fn.__name__
        method.__doc__ = fn.__doc__
        return method

    for name in names:
        if name in functions and not hasattr(cls, name):
            setattr(cls, name, fluent(functions[name]))
