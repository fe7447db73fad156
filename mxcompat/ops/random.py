"""Random sampling operators: ``_random_*`` (scalar parameters), ``_random_*_like``,
``_sample_*`` (NDArray parameters, one distribution per element), ``_sample_multinomial``
and ``_shuffle``.

Every operator takes a ``key`` (``needs_key=True``): raw key data or a typed key from the
one random source (``_backend/rng.py``); ``rng.as_key`` turns it into a typed key. Scalar
distribution parameters are dynamic attributes, so changing them does not recompile.
MXNet stores them as C floats: they are rounded to float32 before use.

The operators that the MXNet-exact stream covers also register a host sampler here
(``rng.register_host_sampler``): numpy code that reproduces MXNet 1.9.1's CPU numbers
with the emulator in ``_backend/mxnet_rng.py``.
"""
from __future__ import annotations

import jax
import jax.numpy as jnp
import numpy as np

from .._backend import rng as _rng
from ..base import MXNetError
from .attrs import Bool, Enum, Float, Int, Shape
from .registry import register

_FLOAT_DTYPES = ("None", "float16", "float32", "float64")


# --------------------------------------------------------------------------- attributes
class _DtypeEnum(Enum):
    """A dtype out of a fixed set; numpy types are accepted and turned into names.

    'None' (or None) means "not set" and is listed among the valid values, as MXNet
    prints them."""

    def __init__(self, values, default, **kw):
        super().__init__(values, default, **kw)
        self.kind = "{" + ", ".join(repr(v) for v in sorted(self.values)) + "}"

    def parse(self, value):
        if value is not None and not isinstance(value, str):
            try:
                value = np.dtype(value).name
            except TypeError:
                pass
        return super().parse(value)


class _CFloat(Float):
    """A C float parameter: MXNet refuses the strings 'True'/'False' (Python bools)."""

    def parse(self, value):
        if isinstance(value, (bool, np.bool_)):
            raise ValueError(value)
        return super().parse(value)


class _Long(Int):
    kind = "long"

    def parse(self, value):
        if isinstance(value, (bool, np.bool_)):
            raise ValueError(value)
        return super().parse(value)


class _OptShape(Shape):
    """``shape`` of the scalar-parameter samplers: None (not given) by default."""

    def __init__(self):
        super().__init__(None, allow_none=True)
        self.kind = "Shape(tuple)"


def _fdtype(**kw):
    return _DtypeEnum(_FLOAT_DTYPES, None, allow_none=True, **kw)


def _out_dtype(dtype) -> np.dtype:
    return np.dtype("float32" if dtype is None else dtype)


def _compute_dtype(dt: np.dtype):
    """float16 results are computed in float32 (float64 stays float64)."""
    return jnp.float64 if dt == np.float64 else jnp.float32


def _num(v) -> str:
    """A number as MXNet's C++ streams print it (6 significant digits)."""
    if isinstance(v, (int, np.integer)) and not isinstance(v, bool):
        return str(int(v))
    return "%g" % float(np.float32(v))


def _fail(cond: str, a, b, msg: str) -> MXNetError:
    return MXNetError(f"Check failed: {cond} ({_num(a)} vs. {_num(b)}) : {msg}")


def _infer_failed(name: str) -> MXNetError:
    return MXNetError(f"Operator {name} inferring shapes failed.")


def _check_shape(name, shape):
    if shape is None or len(shape) == 0 or any(d <= 0 for d in shape):
        raise _infer_failed(name)


def _f32(x):
    return jnp.asarray(x, jnp.float32)


# --------------------------------------------------------------------------- checks
_UNIFORM_MSG = "low must be less or equal to high in uniform distribution"


def _chk_uniform(p):
    if not p["high"] >= p["low"]:
        raise _fail("param.high >= param.low", p["high"], p["low"], _UNIFORM_MSG)


def _chk_normal(p):
    if not p["scale"] > 0:
        raise _fail("param.scale > 0", p["scale"], 0, "scale parameter in gaussian has to be "
                                                       "positive")


def _chk_gamma(p):
    if not p["alpha"] > 0:
        raise _fail("param.alpha > 0", p["alpha"], 0,
                    "alpha parameter in gamma distribution has to be positive")
    if not p["beta"] > 0:
        raise _fail("param.beta > 0", p["beta"], 0,
                    "beta parameter in gamma distribution has to be positive")


def _chk_exponential(p):
    if not p["lam"] > 0:
        raise _fail("param.lam > 0", p["lam"], 0,
                    "lambda parameter in exponential distribution has to be positive")


def _chk_poisson(p):
    if not p["lam"] >= 0:
        raise _fail("param.lam >= 0", p["lam"], 0,
                    "lambda parameter in poisson distribution has to be non-negative")


def _chk_negbin(p):
    if not p["k"] >= 0:
        raise _fail("param.k >= 0", p["k"], 0,
                    "k parameter in negative binomial distribution has to be non-negative")
    if not p["p"] >= 0:
        raise _fail("param.p >= 0", p["p"], 0,
                    "p parameter in negative binomial distribution has to be non-negative")


def _chk_gennegbin(p):
    if not p["mu"] >= 0:
        raise _fail("param.mu >= 0", p["mu"], 0, "mu parameter in generalized negative "
                                                 "binomial distribution has to be non-negative")
    if not p["alpha"] >= 0:
        raise _fail("param.alpha >= 0", p["alpha"], 0, "alpha parameter in generalized "
                    "negative binomial distribution has to be non-negative")


def _chk_randint(p):
    if not p["high"] >= p["low"]:
        raise _fail("param.high >= param.low", p["high"], p["low"], _UNIFORM_MSG)
    if p["high"] == p["low"]:
        # MXNet 1.9.1 dies with a floating point exception (x % 0) here.
        raise _fail("param.high > param.low", p["high"], p["low"],
                    "randint needs low < high (MXNet 1.9.1 crashes on an empty range)")


def _chk_like(name, param_check):
    def check(arrays, attrs):
        dt = arrays[0].dtype
        if not jnp.issubdtype(dt, jnp.floating):
            raise MXNetError(f"This operation only support floating point types, not "
                             f"{np.dtype(dt).name}")
        param_check(attrs)
    return check


def _chk_scalar(name, param_check):
    def check(arrays, attrs):
        _check_shape(name, attrs["shape"])
        param_check(attrs)
    return check


# --------------------------------------------------------------------------- samplers
# Each takes a typed key, the output shape, the compute dtype and broadcastable params.

def _s_uniform(k, shape, cdt, low, high):
    u = jax.random.uniform(k, shape, cdt)
    low, high = jnp.asarray(low, cdt), jnp.asarray(high, cdt)
    # The barrier keeps XLA from contracting the product and the sum into an FMA (which
    # CPU and GPU do differently): uniform numbers are then bit-identical on every backend
    # and rounded as MXNet rounds them.
    return jax.lax.optimization_barrier((high - low) * u) + low


def _s_normal(k, shape, cdt, loc, scale):
    return jax.random.normal(k, shape, cdt) * jnp.asarray(scale, cdt) + jnp.asarray(loc, cdt)


def _s_exponential(k, shape, cdt, lam):
    return jax.random.exponential(k, shape, cdt) / jnp.asarray(lam, cdt)


def _s_gamma(k, shape, cdt, alpha, beta):
    a = jnp.broadcast_to(jnp.asarray(alpha, cdt), shape)
    safe = jnp.where(a > 0, a, 1)
    g = jax.random.gamma(k, safe, shape, cdt)
    g = jnp.where(a > 0, g, jnp.where(a == 0, 0, jnp.nan))  # MXNet hangs for alpha < 0
    return g * jnp.asarray(beta, cdt)


def _poisson(k, lam, shape, cdt):
    lam = jnp.broadcast_to(jnp.asarray(lam, cdt), shape)
    ok = lam > 0
    draw = jax.random.poisson(k, jnp.where(ok, lam, 1), shape, dtype=jnp.int64)
    return jnp.where(ok, draw, 0).astype(cdt)


def _s_poisson(k, shape, cdt, lam):
    return _poisson(k, lam, shape, cdt)


def _s_negbin(k, shape, cdt, kk, p):
    """Failures before the k-th success: Poisson(Gamma(k, (1-p)/p))."""
    k1, k2 = jax.random.split(k)
    kk = jnp.broadcast_to(jnp.asarray(kk, cdt), shape)
    p = jnp.asarray(p, cdt)
    g = jax.random.gamma(k1, jnp.where(kk > 0, kk, 1), shape, cdt)
    lam = jnp.where(kk > 0, g, 0) * (1 - p) / p
    return _poisson(k2, lam, shape, cdt)


def _s_gennegbin(k, shape, cdt, mu, alpha):
    """Mean mu, variance mu + alpha*mu^2: Poisson(Gamma(1/alpha, alpha*mu)); alpha=0 is
    Poisson(mu)."""
    k1, k2 = jax.random.split(k)
    mu = jnp.broadcast_to(jnp.asarray(mu, cdt), shape)
    alpha = jnp.broadcast_to(jnp.asarray(alpha, cdt), shape)
    pos = alpha > 0
    safe = jnp.where(pos, alpha, 1)
    g = jax.random.gamma(k1, 1 / safe, shape, cdt) * safe * mu
    return _poisson(k2, jnp.where(pos, g, mu), shape, cdt)


# (registry name, aliases, parameters with defaults, sampler, param check)
_FAMILY = (
    ("uniform", ("random_uniform", "uniform"), (("low", 0.0), ("high", 1.0)),
     ("low", "high"), _s_uniform, _chk_uniform),
    ("normal", ("random_normal", "normal"), (("loc", 0.0), ("scale", 1.0)),
     ("mu", "sigma"), _s_normal, _chk_normal),
    ("gamma", ("random_gamma",), (("alpha", 1.0), ("beta", 1.0)),
     ("alpha", "beta"), _s_gamma, _chk_gamma),
    ("exponential", ("random_exponential",), (("lam", 1.0),),
     ("lam",), _s_exponential, _chk_exponential),
    ("poisson", ("random_poisson",), (("lam", 1.0),),
     ("lam",), _s_poisson, _chk_poisson),
    ("negative_binomial", ("random_negative_binomial",), (("k", 1), ("p", 1.0)),
     ("k", "p"), _s_negbin, _chk_negbin),
    ("generalized_negative_binomial", ("random_generalized_negative_binomial",),
     (("mu", 1.0), ("alpha", 1.0)), ("mu", "alpha"), _s_gennegbin, _chk_gennegbin),
)


def _param_attr(name, default):
    if name == "k":
        return Int(default, dynamic=True)
    return _CFloat(default, dynamic=True)


def _make_scalar(dist, params, sampler):
    names = tuple(n for n, _ in params)

    def fn(*, shape, dtype, key, **p):
        dt = _out_dtype(dtype)
        cdt = _compute_dtype(dt)
        vals = [_f32(p[n]) for n in names]
        return sampler(_rng.as_key(key), tuple(shape), cdt, *vals).astype(dt)
    fn.__name__ = f"_random_{dist}"
    fn.__doc__ = (f"Samples from the {dist.replace('_', ' ')} distribution with scalar "
                  f"parameters ({', '.join(names)}); output of ``shape`` and ``dtype`` "
                  f"(float32 by default).")
    return fn


def _make_like(dist, params, sampler):
    names = tuple(n for n, _ in params)

    def fn(data, *, key, **p):
        dt = np.dtype(data.dtype)
        cdt = _compute_dtype(dt)
        vals = [_f32(p[n]) for n in names]
        out = sampler(_rng.as_key(key), tuple(data.shape), cdt, *vals).astype(dt)
        return jax.lax.stop_gradient(out)
    fn.__name__ = f"_random_{dist}_like"
    fn.__doc__ = (f"Samples from the {dist.replace('_', ' ')} distribution with scalar "
                  f"parameters ({', '.join(names)}), with the shape and dtype of ``data``.")
    return fn


def _sample_check(name, n_in):
    def check(arrays, attrs):
        shape0, dt0 = arrays[0].shape, arrays[0].dtype
        for a in arrays[1:]:
            if a.shape != shape0:
                raise _infer_failed(name)
            if a.dtype != dt0:
                raise MXNetError(f"Check failed: infer_type_success: Operator {name} is "
                                 f"missing FInferType attribute")
        if len(shape0) == 0 or any(d == 0 for d in shape0) or any(
                d <= 0 for d in attrs["shape"]):
            raise _infer_failed(name)
    return check


def _make_sample(dist, sampler):
    def fn(*params, shape, dtype, key):
        dt = _out_dtype(dtype)
        cdt = _compute_dtype(dt)
        pshape = tuple(params[0].shape)
        extra = tuple(shape)
        full = pshape + extra
        vals = [jnp.reshape(p.astype(cdt), pshape + (1,) * len(extra)) for p in params]
        out = sampler(_rng.as_key(key), full, cdt, *vals).astype(dt)
        return jax.lax.stop_gradient(out)
    fn.__name__ = f"_sample_{dist}"
    fn.__doc__ = (f"Samples from {dist.replace('_', ' ')} distributions whose parameters "
                  f"are arrays: the output has shape ``param.shape + shape``, with one "
                  f"block of ``shape`` samples per parameter element.")
    return fn


for _dist, _aliases, _params, _snames, _sampler, _pcheck in _FAMILY:
    _name = f"_random_{_dist}"
    _attrs = {n: _param_attr(n, d) for n, d in _params}
    register(_name, (), aliases=_aliases, differentiable=False, needs_key=True,
             ignored_attrs=("ctx",),
             attrs=dict(_attrs, shape=_OptShape(), dtype=_fdtype()),
             check=_chk_scalar(_name, _pcheck))(_make_scalar(_dist, _params, _sampler))
    register(f"_random_{_dist}_like", ("data",), needs_key=True,
             attrs={n: _param_attr(n, d) for n, d in _params},
             check=_chk_like(f"_random_{_dist}_like", _pcheck))(
        _make_like(_dist, _params, _sampler))
    register(f"_sample_{_dist}", _snames, aliases=(f"sample_{_dist}",), needs_key=True,
             same_dtype=False, attrs={"shape": Shape(()), "dtype": _fdtype()},
             check=_sample_check(f"_sample_{_dist}", len(_snames)))(
        _make_sample(_dist, _sampler))


# --------------------------------------------------------------------------- randint
@register("_random_randint", (), aliases=("random_randint",), differentiable=False,
          needs_key=True, ignored_attrs=("ctx",),
          attrs={"low": _Long(dynamic=True), "high": _Long(dynamic=True),
                 "shape": _OptShape(),
                 "dtype": _DtypeEnum(("None", "int32", "int64"), None, allow_none=True)},
          check=_chk_scalar("_random_randint", _chk_randint))
def _random_randint(*, low, high, shape, dtype, key):
    """Uniformly distributed integers in [low, high); int32 by default."""
    dt = np.dtype("int32" if dtype is None else dtype)
    r = jax.random.randint(_rng.as_key(key), tuple(shape), jnp.asarray(low, jnp.int64),
                           jnp.asarray(high, jnp.int64), dtype=jnp.int64)
    return r.astype(dt)


# --------------------------------------------------------------------------- multinomial
def _multinomial_nout(attrs):
    return 2 if attrs.get("get_prob") else 1


def _chk_multinomial(arrays, attrs):
    x = arrays[0]
    if x.ndim == 0 or any(d == 0 for d in x.shape) or any(d <= 0 for d in attrs["shape"]):
        raise _infer_failed("_sample_multinomial")


@register("_sample_multinomial", ("data",), aliases=("sample_multinomial",), needs_key=True,
          num_outputs=_multinomial_nout, check=_chk_multinomial,
          attrs={"shape": Shape(()), "get_prob": Bool(False),
                 "dtype": _DtypeEnum(("float16", "float32", "float64", "int32", "uint8"),
                                     "int32")})
def _sample_multinomial(data, *, shape, get_prob, dtype, key):
    """Samples category indices from the (last-axis) distributions in ``data``.

    Output shape ``data.shape[:-1] + shape``. A draw is the first index whose running sum
    of probabilities exceeds a uniform number, as in MXNet, so probabilities that sum to
    less than one can give the index ``k`` (one past the last). With ``get_prob`` a second
    output holds the log-probability of each drawn index (differentiable in ``data``).
    """
    k = data.shape[-1]
    batch = tuple(data.shape[:-1])
    extra = tuple(shape)
    n = int(np.prod(extra, dtype=np.int64)) if extra else 1
    p = data.reshape(-1, k)
    cdt = jnp.float64 if p.dtype == jnp.float64 else jnp.float32
    cum = jnp.cumsum(jax.lax.stop_gradient(p).astype(cdt), axis=-1)
    u = jax.random.uniform(_rng.as_key(key), (p.shape[0], n), cdt)
    idx = jax.vmap(lambda c, v: jnp.searchsorted(c, v, side="right"))(cum, u)
    out_shape = (batch + extra) or (1,)
    sample = idx.reshape(out_shape).astype(np.dtype(dtype))
    if not get_prob:
        return sample
    picked = jnp.take_along_axis(p, jnp.minimum(idx, k - 1), axis=1)
    logp = jnp.log(picked).reshape(out_shape).astype(data.dtype)
    return sample, logp


# --------------------------------------------------------------------------- shuffle
def _chk_shuffle(arrays, attrs):
    if arrays[0].ndim == 0:
        raise _infer_failed("_shuffle")


@register("_shuffle", ("data",), aliases=("shuffle",), needs_key=True, check=_chk_shuffle)
def _shuffle(data, *, key):
    """Randomly permutes the array along its first axis (rows keep their contents)."""
    return jax.random.permutation(_rng.as_key(key), data, axis=0, independent=False)


# --------------------------------------------------------------------------- exact stream
def _n(shape) -> int:
    return int(np.prod(shape, dtype=np.int64))


def _host_uniform(attrs, arrays, gen):
    shape = tuple(attrs["shape"])
    dt = _out_dtype(attrs["dtype"])
    return gen.uniform(attrs["low"], attrs["high"], _n(shape), dt).reshape(shape)


def _host_normal(attrs, arrays, gen):
    shape = tuple(attrs["shape"])
    dt = _out_dtype(attrs["dtype"])
    return gen.normal(attrs["loc"], attrs["scale"], _n(shape), dt).reshape(shape)


def _host_randint(attrs, arrays, gen):
    shape = tuple(attrs["shape"])
    dt = np.dtype("int32" if attrs["dtype"] is None else attrs["dtype"])
    return gen.randint(attrs["low"], attrs["high"], _n(shape), dt).reshape(shape)


def _host_uniform_like(attrs, arrays, gen):
    x = arrays[0]
    return gen.uniform(attrs["low"], attrs["high"], _n(x.shape),
                       np.dtype(x.dtype)).reshape(x.shape)


def _host_normal_like(attrs, arrays, gen):
    x = arrays[0]
    return gen.normal(attrs["loc"], attrs["scale"], _n(x.shape),
                      np.dtype(x.dtype)).reshape(x.shape)


def _host_sample(kind):
    """``_sample_uniform``/``_sample_normal``: canonical draws of the output's precision
    combined with the parameters in C++'s arithmetic (float params with a double sample
    compute in double; a half ``high - low`` is rounded to half)."""
    def fn(attrs, arrays, gen):
        dt = _out_dtype(attrs["dtype"])
        a, b = (np.asarray(x) for x in arrays)
        shape = a.shape + tuple(attrs["shape"])
        ftype = np.dtype(np.float32 if dt == np.float32 else np.float64)
        it = a.dtype
        ptype = it if it in (np.float32, np.float64) else np.dtype(np.float32)
        wide = np.result_type(ptype, ftype)
        if it == np.float16 and kind != "uniform":
            return None  # not checked against MXNet: use the JAX stream
        draw = gen.uniform if kind == "uniform" else gen.normal
        c = draw(0.0, 1.0, _n(shape), ftype).reshape(a.shape + (-1,)).astype(wide)
        if it == np.float16:
            # half_t arithmetic: every operation is rounded to half
            def h(x):
                return np.asarray(x, np.float32).astype(np.float16)
            a32 = a.astype(np.float32)[..., None]
            span = h(b.astype(np.float32) - a.astype(np.float32)).astype(np.float32)[..., None]
            prod = h(span * c.astype(np.float32)).astype(np.float32)
            r = h(prod + a32)
        elif kind == "uniform":
            span = b.astype(ptype) - a.astype(ptype)
            r = span.astype(wide)[..., None] * c + a.astype(wide)[..., None]
        else:
            r = c * b.astype(wide)[..., None] + a.astype(wide)[..., None]
        r = r.reshape(shape)
        if dt == np.float16:
            return r.astype(np.float32).astype(np.float16)
        return r.astype(dt)
    return fn


_rng.register_host_sampler("_random_uniform", _host_uniform)
_rng.register_host_sampler("_random_normal", _host_normal)
_rng.register_host_sampler("_random_randint", _host_randint)
_rng.register_host_sampler("_random_uniform_like", _host_uniform_like)
_rng.register_host_sampler("_random_normal_like", _host_normal_like)
_rng.register_host_sampler("_sample_uniform", _host_sample("uniform"))
_rng.register_host_sampler("_sample_normal", _host_sample("normal"))
