"""Layer 2: the one operator registry.

Every MXNet operator is defined once here, as a pure function over ``jax.Array`` plus a
description of its inputs and attributes. The front ends (``mx.nd``, later ``mx.sym`` and
the ``F`` of ``hybrid_forward``) are generated from it.
"""
from __future__ import annotations

from typing import Any, Callable, Iterable

import jax

from .attrs import Attr, Int, parse_attrs

__all__ = ["Op", "register", "get", "all_ops", "REGISTRY"]

REGISTRY: dict[str, "Op"] = {}


class Op:
    """One operator.

    fn: ``fn(*inputs, **attrs)`` over jax arrays, returning an array or a tuple of arrays.
    inputs: input names in MXNet's order (``("data", "weight", "bias")``).
    variadic: name of the attribute that counts a variable number of inputs (``num_args``),
        or None.
    attrs: attribute name -> Attr, in MXNet's order (positional arguments after the inputs
        bind to them in this order).
    num_outputs: an int, or a function of the parsed attributes.
    same_dtype: all array inputs must share one dtype (MXNet does not promote).
    check: optional ``check(arrays, attrs)`` run before the kernel, raising MXNetError.
    explain: optional ``explain(arrays, attrs) -> str|None`` turning a failure of the kernel
        into MXNet's message.
    train_aware: the function takes ``_train`` (the autograd training flag).
    params / aux: inputs that are learnable parameters / auxiliary states (for Symbol).
    mutate: names of inputs the operator updates in place (BatchNorm's moving statistics
        in training). The function returns its visible outputs followed by the new values
        of these inputs, in this order; the front ends write them back.
    needs_key: the function takes a ``key`` keyword (a jax.random key drawn from the one
        random source per call; compiled code receives it as an argument). May be a
        function ``(attrs, train) -> bool`` saying whether this call really draws (Dropout
        in predict mode does not); otherwise a fixed placeholder key is passed.
    differentiable: False for operators whose gradient is zero by definition.
    """

    __slots__ = ("name", "fn", "inputs", "variadic", "attrs", "num_outputs", "same_dtype",
                 "check", "explain", "train_aware", "params", "aux", "differentiable",
                 "aliases", "strict", "ignored_attrs", "dynamic", "_kernels", "_front_cache",
                 "doc", "mutate", "needs_key")

    def __init__(self, name: str, fn: Callable, inputs: Iterable[str] = ("data",), *,
                 variadic: str | None = None, attrs: dict[str, Attr] | None = None,
                 num_outputs: int | Callable = 1, same_dtype: bool = True,
                 check: Callable | None = None, explain: Callable | None = None,
                 train_aware: bool = False, params: Iterable[str] = (),
                 aux: Iterable[str] = (), differentiable: bool = True,
                 aliases: Iterable[str] = (), strict: bool | None = None,
                 ignored_attrs: Iterable[str] = (), doc: str | None = None,
                 mutate: Iterable[str] = (), needs_key: bool = False):
        self.name = name
        self.fn = fn
        self.inputs = tuple(inputs)
        self.variadic = variadic
        self.attrs = dict(attrs or {})
        if variadic and variadic not in self.attrs:
            self.attrs[variadic] = Int()
        self.num_outputs = num_outputs
        self.same_dtype = same_dtype
        self.check = check
        self.explain = explain
        self.train_aware = train_aware
        self.params = tuple(params)
        self.aux = tuple(aux)
        self.differentiable = differentiable
        self.aliases = tuple(aliases)
        self.strict = bool(self.attrs) if strict is None else strict
        self.ignored_attrs = frozenset(ignored_attrs)
        self.mutate = tuple(mutate)
        self.needs_key = needs_key
        self.dynamic = tuple(k for k, a in self.attrs.items() if a.dynamic) + (
            ("key",) if needs_key else ())
        self._kernels: dict = {}
        self._front_cache: dict = {}
        self.doc = doc or (fn.__doc__ or "").strip()

    def __repr__(self):
        return f"<Op {self.name}>"

    def parse(self, kwargs: dict) -> dict:
        return parse_attrs(self, kwargs)

    def n_out(self, attrs: dict) -> int:
        """Visible outputs (not counting the updated ``mutate`` inputs)."""
        n = self.num_outputs
        return n if isinstance(n, int) else n(attrs)

    def kernel(self, attrs: dict, train: bool = False, device=None) -> Callable:
        """The compiled function for these static attributes (cached).

        Its arguments are the input arrays followed by the values of the dynamic
        attributes, in ``self.dynamic`` order (the random key last, for ``needs_key``).
        """
        return self.kernel_for(self.static_key(attrs), train, device)

    def static_key(self, attrs: dict) -> tuple:
        """The hashable static part of parsed attributes (what a kernel is compiled for)."""
        dyn = self.dynamic
        return tuple((k, v) for k, v in attrs.items() if k not in dyn)

    def kernel_for(self, static: tuple, train: bool = False, device=None) -> Callable:
        key = (static, train, device)
        k = self._kernels.get(key)
        if k is None:
            k = self._kernels[key] = self._build(dict(static), train, device)
        return k

    def _build(self, static: dict, train: bool, device):
        fn, dyn = self.fn, self.dynamic
        if self.train_aware:
            static = dict(static, _train=train)
        if dyn:
            nd = len(dyn)

            def call(*args):
                extra = dict(zip(dyn, args[-nd:]))
                return fn(*args[:-nd], **static, **extra)
        else:
            def call(*args):
                return fn(*args, **static)
        call.__name__ = self.name
        if device is not None:
            return jax.jit(call, out_shardings=jax.sharding.SingleDeviceSharding(device))
        return jax.jit(call)

    def pure(self, attrs: dict, train: bool = False) -> Callable:
        """Uncompiled ``f(*inputs, *dynamic_values)`` for tracing inside larger functions."""
        static = {k: v for k, v in attrs.items() if k not in self.dynamic}
        if self.train_aware:
            static["_train"] = train
        fn, dyn = self.fn, self.dynamic
        nd = len(dyn)
        if nd:
            return lambda *args: fn(*args[:-nd], **static, **dict(zip(dyn, args[-nd:])))
        return lambda *args: fn(*args, **static)


def register(name: str, inputs: Iterable[str] = ("data",), **kw: Any) -> Callable:
    """Decorator: register ``fn`` as operator ``name`` (and its aliases)."""

    def deco(fn):
        op = Op(name, fn, inputs, **kw)
        for n in (name,) + op.aliases:
            if n in REGISTRY:
                raise ValueError(f"operator {n} registered twice")
            REGISTRY[n] = op
        return fn

    return deco


def get(name: str) -> Op:
    return REGISTRY[name]


def all_ops() -> list[Op]:
    """Every operator once (aliases folded)."""
    seen, out = set(), []
    for op in REGISTRY.values():
        if id(op) not in seen:
            seen.add(id(op))
            out.append(op)
    return out
