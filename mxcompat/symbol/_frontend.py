"""Generate the ``mx.sym.<op>`` functions from the operator registry.

Binding follows ``mx.nd``: positional arguments fill the inputs (Symbols), then the
attributes in declaration order; inputs may be given by keyword; ``name=`` and ``attr=``
as in MXNet. The automatic name's hint is the called function's name, lowercased
(``mx.sym.linalg.gemm2`` gives ``gemm20``).
"""
from __future__ import annotations

from typing import Callable

from ..ops.registry import REGISTRY, Op
from .symbol import Symbol, create

__all__ = ["make_function", "function_for"]

_FUNCS: dict = {}


def make_function(op: Op, public_name: str, hint: str | None = None) -> Callable:
    inputs = op.inputs
    n_in = len(inputs)
    attr_names = tuple(op.attrs)
    hint = hint or public_name.lower()

    if op.variadic:
        def fn(*args, name=None, attr=None, out=None, **kwargs):
            syms = list(args)
            for a in syms:
                if not isinstance(a, Symbol):
                    raise TypeError("Positional arguments must be Symbol instances, but got "
                                    f"{a}")
            return create(op, syms, kwargs, name=name, attr=attr, hint=hint)
    else:
        def fn(*args, name=None, attr=None, out=None, **kwargs):
            given = {}
            for k, v in zip(inputs, args[:n_in]):
                given[k] = v
            for k, v in zip(attr_names, args[n_in:]):
                kwargs[k] = v
            for k in inputs:
                if k in kwargs:
                    given[k] = kwargs.pop(k)
            for k, v in given.items():
                if v is not None and not isinstance(v, Symbol):
                    raise AssertionError(f"Argument {k} must be Symbol instances, but got "
                                         f"{v}")
            return create(op, {k: v for k, v in given.items() if v is not None}, kwargs,
                          name=name, attr=attr, hint=hint)

    fn.__name__ = public_name
    fn.__qualname__ = public_name
    fn.__doc__ = op.doc
    fn._op = op
    return fn


def function_for(name: str, public_name: str | None = None) -> Callable:
    key = (name, public_name)
    fn = _FUNCS.get(key)
    if fn is None:
        fn = _FUNCS[key] = make_function(REGISTRY[name], public_name or name)
    return fn
