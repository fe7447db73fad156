"""``mx.sym.random``: sampling symbols.

Number parameters give the ``_random_*`` operators; Symbol parameters the ``_sample_*``
operators (``shape`` samples per parameter element), as in MXNet.
"""
from __future__ import annotations

import numbers

from .symbol import Symbol, create

__all__ = ["uniform", "normal", "randn", "poisson", "exponential", "gamma", "multinomial",
           "negative_binomial", "generalized_negative_binomial", "shuffle", "randint"]


class _NullType:
    __slots__ = ()

    def __repr__(self):
        return "_Null"


_Null = _NullType()


def _helper(random_op, sample_op, names, params, shape, dtype, kwargs):
    name = kwargs.pop("name", None)
    attr = kwargs.pop("attr", None)
    if all(isinstance(p, numbers.Number) for p in params):
        kw = dict(zip(names, params))
        if shape is not _Null:
            kw["shape"] = shape
        if dtype is not _Null:
            kw["dtype"] = dtype
        kw.update(kwargs)
        return create(random_op, [], kw, name=name, attr=attr, hint=random_op)
    if all(isinstance(p, Symbol) for p in params):
        kw = {}
        if shape is not _Null:
            kw["shape"] = shape
        if dtype is not _Null:
            kw["dtype"] = dtype
        kw.update(kwargs)
        return create(sample_op, list(params), kw, name=name, attr=attr, hint=sample_op)
    raise ValueError("Distribution parameters must be either Symbol or numbers, but got "
                     + ", ".join(str(type(p)) for p in params) + ".")


def uniform(low=0, high=1, shape=_Null, dtype=_Null, **kwargs) -> Symbol:
    return _helper("_random_uniform", "_sample_uniform", ("low", "high"), (low, high),
                   shape, dtype, kwargs)


def normal(loc=0, scale=1, shape=_Null, dtype=_Null, **kwargs) -> Symbol:
    return _helper("_random_normal", "_sample_normal", ("loc", "scale"), (loc, scale),
                   shape, dtype, kwargs)


def randn(*shape, **kwargs) -> Symbol:
    loc = kwargs.pop("loc", 0)
    scale = kwargs.pop("scale", 1)
    dtype = kwargs.pop("dtype", _Null)
    return normal(loc, scale, shape if shape else _Null, dtype, **kwargs)


def poisson(lam=1, shape=_Null, dtype=_Null, **kwargs) -> Symbol:
    return _helper("_random_poisson", "_sample_poisson", ("lam",), (lam,), shape, dtype,
                   kwargs)


def exponential(scale=1, shape=_Null, dtype=_Null, **kwargs) -> Symbol:
    if isinstance(scale, Symbol):
        scale = 1.0 / scale
        return _helper("_random_exponential", "_sample_exponential", ("lam",), (scale,),
                       shape, dtype, kwargs)
    return _helper("_random_exponential", "_sample_exponential", ("lam",), (1.0 / scale,),
                   shape, dtype, kwargs)


def gamma(alpha=1, beta=1, shape=_Null, dtype=_Null, **kwargs) -> Symbol:
    return _helper("_random_gamma", "_sample_gamma", ("alpha", "beta"), (alpha, beta),
                   shape, dtype, kwargs)


def negative_binomial(k=1, p=1, shape=_Null, dtype=_Null, **kwargs) -> Symbol:
    return _helper("_random_negative_binomial", "_sample_negative_binomial", ("k", "p"),
                   (k, p), shape, dtype, kwargs)


def generalized_negative_binomial(mu=1, alpha=1, shape=_Null, dtype=_Null,
                                  **kwargs) -> Symbol:
    return _helper("_random_generalized_negative_binomial",
                   "_sample_generalized_negative_binomial", ("mu", "alpha"), (mu, alpha),
                   shape, dtype, kwargs)


def randint(low, high, shape=_Null, dtype=_Null, **kwargs) -> Symbol:
    return _helper("_random_randint", None, ("low", "high"), (low, high), shape, dtype,
                   kwargs)


def multinomial(data, shape=_Null, get_prob=False, dtype="int32", **kwargs) -> Symbol:
    name = kwargs.pop("name", None)
    kw = dict(kwargs, get_prob=get_prob, dtype=dtype)
    if shape is not _Null:
        kw["shape"] = shape
    return create("_sample_multinomial", [data], kw, name=name, hint="_sample_multinomial")


def shuffle(data, **kwargs) -> Symbol:
    name = kwargs.pop("name", None)
    return create("_shuffle", [data], kwargs, name=name, hint="_shuffle")
