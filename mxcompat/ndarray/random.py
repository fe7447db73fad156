"""``mx.nd.random``: the sampling front ends (also ``mx.random``'s samplers: the same
function objects).

Scalar parameters call the ``_random_*`` operators (``ctx`` and ``shape`` apply; without
``shape`` and ``out`` the result has shape ``(1,)``); NDArray parameters call the
``_sample_*`` operators, which draw ``shape`` samples per parameter element (output shape
``param.shape + shape``). Parameters must be all numbers or all NDArrays.

Under the MXNet-exact random stream (see ``mxcompat._backend.rng``) the operators it covers
are sampled on the host by the emulator of MXNet's CPU generator and copied to the device.
"""
from __future__ import annotations

import re

import jax
import numpy as np

from .._backend import devices as _devices
from .._backend import rng as _rng
from ..base import MXNetError, numeric_types
from ..context import Context, current_context
from ..ops.registry import REGISTRY
from ._invoke import invoke, prepare
from .ndarray import NDArray, _wrap

__all__ = ["uniform", "normal", "randn", "poisson", "exponential", "gamma", "multinomial",
           "negative_binomial", "generalized_negative_binomial", "shuffle", "randint",
           "uniform_like", "normal_like", "gamma_like", "exponential_like", "poisson_like",
           "negative_binomial_like", "generalized_negative_binomial_like"]


class _NullType:
    """'Not given' (MXNet's ``_Null``)."""

    __slots__ = ()

    def __repr__(self):
        return "_Null"

    def __bool__(self):
        return False


_Null = _NullType()

_NDARRAY_TYPE_NAME = "<class 'mxnet.ndarray.ndarray.NDArray'>"
_FLOAT_CODES = {np.dtype("float16"): 2, np.dtype("float32"): 0, np.dtype("float64"): 1}
_INT_CODES = {np.dtype("int32"): 4, np.dtype("int64"): 6}
_CODES = {np.dtype("float32"): 0, np.dtype("float64"): 1, np.dtype("float16"): 2,
          np.dtype("uint8"): 3, np.dtype("int32"): 4, np.dtype("int8"): 5,
          np.dtype("int64"): 6, np.dtype("bool"): 7}


def _type_name(x) -> str:
    """``str(type(x))`` as MXNet prints it (its NDArray class lives in mxnet.ndarray)."""
    return _NDARRAY_TYPE_NAME if isinstance(x, NDArray) else str(type(x))


def _dtype_name(dtype) -> str:
    # As MXNet's generated functions do: np.dtype(None) is float64.
    return np.dtype(dtype).name


_CTX_RE = re.compile(r"^\s*([a-z_]+)\((\d+)\)\s*$")


def _ctx_of(ctx) -> Context:
    if ctx is None:
        return current_context()
    if isinstance(ctx, Context):
        return ctx
    if isinstance(ctx, str):
        m = _CTX_RE.match(ctx)
        if m is not None:
            try:
                return Context(m.group(1), int(m.group(2)))
            except KeyError:
                pass
        raise MXNetError(f"Invalid context string {ctx}")
    return Context(ctx)


# --------------------------------------------------------------------------- dispatch
def _host_call(op, inputs, kwargs, out, ctx):
    """The MXNet-exact path: None when the exact stream does not apply."""
    attrs = prepare(op, kwargs)[0]
    arrays = [x._array for x in inputs]
    if op.check is not None:
        op.check(arrays, attrs)
    if inputs:
        ctx = inputs[0]._ctx
    elif ctx is None:
        ctx = current_context()
    sample = _rng.host_sample(op, attrs, arrays, (ctx.device_type, ctx.device_id))
    if sample is None:
        return None
    device = _devices.device_for(ctx.device_type, ctx.device_id, op.name)
    arr = jax.device_put(sample, device)
    if out is not None:
        out._assign(arr, f"Operator {op.name}")
        return out
    return _wrap(arr, ctx)


def _call(name, inputs, kwargs, out=None, ctx=None):
    op = REGISTRY[name]
    if _rng.exact_active():
        r = _host_call(op, inputs, kwargs, out, ctx)
        if r is not None:
            return r
    return invoke(op, inputs, kwargs, out=out, ctx=ctx)


def _fmt_shape(shape) -> str:
    return "[" + ",".join(str(int(d)) for d in shape) + "]"


def _check_out(name, out, kw, allowed_codes, sample):
    """MXNet's shape/dtype inference against an ``out=`` array (fills shape and dtype)."""
    if not isinstance(out, NDArray):
        raise TypeError(f"out must be an NDArray, got {type(out).__name__}")
    op = REGISTRY[name]
    odt = out._dtype
    if not sample:
        if "shape" not in kw:
            kw["shape"] = out.shape
        else:
            try:
                want = op.attrs["shape"].parse(kw["shape"])
            except (ValueError, TypeError, SyntaxError):
                want = None  # the operator reports the bad value
            if want is not None and tuple(want) != out.shape:
                raise MXNetError(f"Shape inconsistent, Provided = {_fmt_shape(out.shape)}, "
                                 f"inferred shape={_fmt_shape(want)}")
    if "dtype" not in kw:
        if odt in allowed_codes:
            kw["dtype"] = odt.name
        else:
            names = ", ".join(d.name for d in allowed_codes)
            alts = " or ".join(str(c) for c in allowed_codes.values())
            raise MXNetError(f"Check failed: dtype_ok: Output type must be {names}: dtype is "
                             f"{_CODES.get(odt, -1)} vs {alts}")
    else:
        want = np.dtype(kw["dtype"]) if kw["dtype"] != "None" else None
        if want is not None and want in allowed_codes and want != odt:
            a, b = _CODES.get(odt, -1), _CODES.get(want, -1)
            raise MXNetError(f"Check failed: dtype_out == param.dtype ({a} vs. {b}) : Output "
                             f"type does not match requested type: {a} vs {b}")


def _random_helper(scalar_op, sample_op, names, params, shape, dtype, ctx, out, kwargs,
                   allowed=_FLOAT_CODES):
    kwargs.pop("name", None)
    first = params[0]
    if isinstance(first, NDArray):
        for p in params[1:]:
            if not isinstance(p, NDArray):
                raise AssertionError(
                    f"Distribution parameters must all have the same type, but got both "
                    f"{_type_name(first)} and {_type_name(p)}.")
        if sample_op is None:
            raise TypeError("'NoneType' object is not callable")
        kw = dict(kwargs)
        if shape is not _Null:
            kw["shape"] = shape
        if dtype is not _Null:
            kw["dtype"] = _dtype_name(dtype)
        if out is not None:
            _check_out(sample_op, out, kw, allowed, sample=True)
            want = tuple(params[0].shape) + tuple(
                REGISTRY[sample_op].attrs["shape"].parse(kw.get("shape", ())))
            if tuple(out.shape) != want:
                raise MXNetError(f"Operator {sample_op} inferring shapes failed.")
        return _call(sample_op, list(params), kw, out=out)
    if isinstance(first, numeric_types):
        ctx = _ctx_of(ctx)
        if shape is _Null and out is None:
            shape = 1
        for p in params[1:]:
            if not isinstance(p, numeric_types):
                raise AssertionError(
                    f"Distribution parameters must all have the same type, but got both "
                    f"{_type_name(first)} and {_type_name(p)}.")
        kw = dict(kwargs)
        kw.update(zip(names, params))
        if shape is not _Null:
            kw["shape"] = shape
        if dtype is not _Null:
            kw["dtype"] = _dtype_name(dtype)
        if out is not None:
            _check_out(scalar_op, out, kw, allowed, sample=False)
        return _call(scalar_op, [], kw, out=out, ctx=ctx)
    raise ValueError(f"Distribution parameters must be either NDArray or numbers, but got "
                     f"{type(first)}.")


# --------------------------------------------------------------------------- samplers
def uniform(low=0, high=1, shape=_Null, dtype=_Null, ctx=None, out=None, **kwargs):
    """Samples from the uniform distribution on [low, high).

    ``low``/``high``: numbers, or NDArrays (one distribution per element). ``shape``: the
    number of samples (per parameter element for NDArray parameters); default (1,) for
    numbers. ``dtype``: float16/32/64, float32 by default.
    """
    return _random_helper("_random_uniform", "_sample_uniform", ("low", "high"),
                          [low, high], shape, dtype, ctx, out, kwargs)


def normal(loc=0, scale=1, shape=_Null, dtype=_Null, ctx=None, out=None, **kwargs):
    """Samples from the normal distribution with mean ``loc`` and standard deviation
    ``scale`` (numbers or NDArrays)."""
    return _random_helper("_random_normal", "_sample_normal", ("loc", "scale"),
                          [loc, scale], shape, dtype, ctx, out, kwargs)


def randn(*shape, **kwargs):
    """Standard-normal samples of shape ``shape`` (``randn(2, 3)``); keywords ``loc``,
    ``scale``, ``dtype``, ``ctx``, ``out``."""
    loc = kwargs.pop("loc", 0)
    scale = kwargs.pop("scale", 1)
    dtype = kwargs.pop("dtype", _Null)
    ctx = kwargs.pop("ctx", None)
    out = kwargs.pop("out", None)
    if not isinstance(loc, (int, float)):
        raise AssertionError()
    if not isinstance(scale, (int, float)):
        raise AssertionError()
    return _random_helper("_random_normal", "_sample_normal", ("loc", "scale"),
                          [loc, scale], shape, dtype, ctx, out, kwargs)


def poisson(lam=1, shape=_Null, dtype=_Null, ctx=None, out=None, **kwargs):
    """Samples from the Poisson distribution with rate ``lam`` (as floats)."""
    return _random_helper("_random_poisson", "_sample_poisson", ("lam",), [lam], shape,
                          dtype, ctx, out, kwargs)


def exponential(scale=1, shape=_Null, dtype=_Null, ctx=None, out=None, **kwargs):
    """Samples from the exponential distribution with mean ``scale`` (rate 1/scale)."""
    return _random_helper("_random_exponential", "_sample_exponential", ("lam",),
                          [1.0 / scale], shape, dtype, ctx, out, kwargs)


def gamma(alpha=1, beta=1, shape=_Null, dtype=_Null, ctx=None, out=None, **kwargs):
    """Samples from the gamma distribution with shape ``alpha`` and scale ``beta``."""
    return _random_helper("_random_gamma", "_sample_gamma", ("alpha", "beta"),
                          [alpha, beta], shape, dtype, ctx, out, kwargs)


def negative_binomial(k=1, p=1, shape=_Null, dtype=_Null, ctx=None, out=None, **kwargs):
    """Samples the number of failures before the ``k``-th success of Bernoulli(``p``)
    trials (as floats)."""
    return _random_helper("_random_negative_binomial", "_sample_negative_binomial",
                          ("k", "p"), [k, p], shape, dtype, ctx, out, kwargs)


def generalized_negative_binomial(mu=1, alpha=1, shape=_Null, dtype=_Null, ctx=None,
                                  out=None, **kwargs):
    """Samples from the negative binomial distribution with mean ``mu`` and dispersion
    ``alpha`` (variance ``mu + alpha * mu**2``; ``alpha=0`` is Poisson(``mu``))."""
    return _random_helper("_random_generalized_negative_binomial",
                          "_sample_generalized_negative_binomial", ("mu", "alpha"),
                          [mu, alpha], shape, dtype, ctx, out, kwargs)


def randint(low, high, shape=_Null, dtype=_Null, ctx=None, out=None, **kwargs):
    """Uniformly distributed integers in [low, high); dtype int32 (default) or int64."""
    return _random_helper("_random_randint", None, ("low", "high"), [low, high], shape,
                          dtype, ctx, out, kwargs, allowed=_INT_CODES)


def _need_ndarray(name, value):
    if not isinstance(value, NDArray):
        raise AssertionError(f"Argument {name} must have NDArray type, but got {value}")


def multinomial(data, shape=_Null, get_prob=False, out=None, dtype="int32", **kwargs):
    """Samples category indices from the distributions along the last axis of ``data``.

    Output shape ``data.shape[:-1] + shape``. With ``get_prob=True`` returns
    ``[samples, log-probabilities]``; the log-probabilities are differentiable in
    ``data`` (for REINFORCE-style estimators).
    """
    _need_ndarray("data", data)
    kw = dict(kwargs)
    kw.pop("name", None)
    if shape is not _Null:
        kw["shape"] = shape
    kw["get_prob"] = get_prob
    kw["dtype"] = _dtype_name(dtype)
    return _call("_sample_multinomial", [data], kw, out=out)


def shuffle(data, **kwargs):
    """A copy of ``data`` with its rows (first axis) in random order."""
    _need_ndarray("data", data)
    out = kwargs.pop("out", None)
    kwargs.pop("name", None)
    return _call("_shuffle", [data], kwargs, out=out)


# --------------------------------------------------------------------------- *_like
def _like_function(dist, names):
    opname = f"_random_{dist}_like"

    def fn(data=None, *args, out=None, name=None, **kwargs):
        for k, v in zip(names, args):
            kwargs[k] = v
        if len(args) > len(names):
            rest = args[len(names):]
            out = rest[0] if rest else out
        if data is None:
            data = kwargs.pop("data", None)
        if data is None:
            raise MXNetError(f"Check failed: num_inputs == infered_num_inputs (0 vs. 1) : "
                             f"Operator {opname} expects 1 inputs, but got 0 instead.")
        _need_ndarray("data", data)
        return _call(opname, [data], kwargs, out=out)

    fn.__name__ = fn.__qualname__ = f"{dist}_like"
    fn.__doc__ = (f"Samples from the {dist.replace('_', ' ')} distribution with the shape "
                  f"and dtype of ``data`` (parameters: {', '.join(names)}).")
    return fn


uniform_like = _like_function("uniform", ("low", "high"))
normal_like = _like_function("normal", ("loc", "scale"))
gamma_like = _like_function("gamma", ("alpha", "beta"))
exponential_like = _like_function("exponential", ("lam",))
poisson_like = _like_function("poisson", ("lam",))
negative_binomial_like = _like_function("negative_binomial", ("k", "p"))
generalized_negative_binomial_like = _like_function("generalized_negative_binomial",
                                                ("mu", "alpha"))
