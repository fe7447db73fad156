"""The one random source of mxcompat.

Every random number the library draws -- ``mx.nd.random.*``, ``Dropout``, the initializers,
hybridized blocks, executors -- comes from this module. No other module creates a
``jax.random`` key or uses ``numpy.random``.

Eager state (the JAX stream, the default)
-----------------------------------------
Each context has a base key and a counter. ``seed(s)`` (``mx.random.seed``) makes the base
key of the context with device id ``d`` equal to ``key(s)`` for ``d == 0`` and
``fold_in(key(s), d)`` otherwise, and resets the counter; draw ``n`` uses
``fold_in(base, n)``. A process that never seeds behaves as if it called ``seed(0)``.
The seed is taken as a C ``int`` (wrapped to 32 bits), as MXNet does.

The keys are threefry2x32 keys whatever JAX's default PRNG implementation is, and are
derived only from the seed, the device id and the number of earlier draws, so **the same
seed gives the same stream on every backend** (CPU, GPU, TPU) and for ``cpu(0)`` and
``gpu(0)`` alike. Samplers built on bit and integer operations give identical values
everywhere: uniform (float16/32/64), randint, Bernoulli masks such as Dropout's, shuffle,
multinomial (checked: CPU against an H200 GPU). Samplers that evaluate transcendental
functions (normal, gamma, exponential, ...) agree up to the backend's rounding of those
functions (normal: within a few ulp, about 5% of the elements differ between CPU and
GPU); the integer-valued poisson and negative binomials matched in our check, but their
rejection steps evaluate logarithms, so a rare element may differ.

Keys are handed out as raw ``uint32[2]`` key data computed on the host in batches (one
compiled call per 256 keys), so drawing a key costs well under a microsecond and does not
touch the device. Operators receive this as their ``key`` argument; ``as_key`` turns it into
a typed key inside the operator.

Compiled code: keys as arguments (``key_scope``)
-----------------------------------------------
A key drawn while JAX traces a function would be baked into the compiled code as a
constant, and every call would reuse the same numbers (the same dropout mask at every
step). So compiled code never draws from the eager state. Instead:

1. The wrapper that calls the compiled function (a hybridized block, an executor, or a
   user's ``jax.jit``) draws one fresh key per call with ``next_key()`` and passes it to
   the compiled function as an ordinary argument.
2. Inside, the traced body runs under ``with key_scope(key):``. While a scope is active,
   ``next_key()`` returns ``fold_in(key, i)`` for the i-th draw *of this trace* (a traced
   value), so every random operator in the body gets its own key, all derived from the
   argument. Calling the compiled function again with the next key gives new numbers;
   re-seeding and calling again reproduces them.
3. Code that must carry the state further (a ``lax.scan`` body, a functional training
   loop) returns ``scope.advance()``, a key derived from the argument that no draw of the
   scope used, and feeds it to the next iteration.

A random operator that runs inside a JAX transformation without a scope raises
``RandomKeyError`` instead of silently capturing a constant key.
``mxcompat.random.compiled(fn)`` wraps a function with ``jax.jit`` and does steps 1-2 for
you (it also makes the autograd training flag a static argument, so ``train_mode`` and
``predict_mode`` get separate compiled versions).

The MXNet-exact stream (opt-in)
-------------------------------
``set_stream('mxnet')`` (``mx.random.set_stream``), or ``MXCOMPAT_RANDOM=mxnet`` in the
environment at import, makes the samplers that the emulator in ``mxnet_rng.py`` covers --
uniform (float16/32/64), normal (float16/32/64), randint (int32/int64), randn, the
``_like`` forms of uniform and normal, and their NDArray-parameter forms
(``_sample_uniform``; ``_sample_normal`` except with float16 parameters) -- produce MXNet
1.9.1's CPU numbers: uniform and randint bit for bit, normal float64 exactly and float32
within 2 ulp (glibc's ``logf`` against our correctly rounded log: under 1% of the
elements differ, by one or two ulp). They are drawn on the host and copied to the
context's device. ``seed`` re-seeds these generators too; all CPU contexts share one
generator (1024 engines), as in MXNet; every other device gets its own generator running
the same CPU algorithm. Other random operators (gamma, poisson, exponential, negative
binomial, multinomial, shuffle, Dropout, ...) keep drawing from the JAX stream and warn
once per operator (``RandomStreamWarning``); they do not advance the exact generators, so
where MXNet's version of such an operator consumes MXNet's generator, later exact numbers
diverge from MXNet's. Inside compiled code (a key scope) the exact stream cannot be used
(it runs on the host); operators there use the scope's keys and warn once.
``set_stream('jax')`` switches back; the two streams keep separate state.

The exact path is taken by the ``mx.nd.random.*`` / ``mx.random.*`` front ends
(``ndarray/random.py``); the flat operator functions (``mx.nd.random_uniform``, ...) take it
when the eager dispatcher asks ``host_sample`` before drawing a key.
"""
from __future__ import annotations

import contextlib
import os
import sys
import threading
import warnings

import jax
import jax.numpy as jnp
import numpy as np

from . import mxnet_rng

__all__ = ["seed", "next_key", "placeholder_key", "as_key", "key_scope", "KeyScope", "in_key_scope",
           "set_stream", "get_stream", "exact_generator", "host_sample",
           "register_host_sampler", "RandomKeyError", "RandomStreamWarning", "STREAMS"]

STREAMS = ("jax", "mxnet")
_IMPL = "threefry2x32"
_BATCH = 256

_lock = threading.RLock()
_state: dict = {}          # ctx key (type, id) -> _CtxStream
_global_seed = [0]
_stream = ["jax"]
_exact: dict = {}          # resource ("cpu",) or (type, id) -> MXNetCPUGenerator
_exact_seeds: dict = {}    # resource -> seed it was last given by a per-context seed
_host_samplers: dict = {}  # operator name -> fn(attrs, arrays, generator) -> np.ndarray
_warned: set = set()
_local = threading.local()


class RandomKeyError(RuntimeError):
    """A random operator ran inside a JAX transformation without a key scope."""


class RandomStreamWarning(UserWarning):
    """An operator cannot follow the selected random stream and uses the JAX stream."""


# --------------------------------------------------------------------------- key data
@jax.jit
def _batch_keys(base_data, start):
    base = jax.random.wrap_key_data(base_data, impl=_IMPL)
    idx = start + jnp.arange(_BATCH, dtype=jnp.uint32)
    return jax.random.key_data(jax.vmap(lambda i: jax.random.fold_in(base, i))(idx))


def _base_data(seed_state: int, device_id: int) -> np.ndarray:
    key = jax.random.key(seed_state, impl=_IMPL)
    if device_id:
        key = jax.random.fold_in(key, device_id)
    return np.asarray(jax.random.key_data(key))


class _CtxStream:
    """Base key data plus a counter; keys are computed 256 at a time on the host."""

    __slots__ = ("base", "count", "buf", "pos")

    def __init__(self, seed_state: int, device_id: int):
        self.base = _base_data(seed_state, device_id)
        self.count = 0
        self.buf = None
        self.pos = _BATCH

    def take(self) -> np.ndarray:
        if self.pos >= _BATCH:
            self.buf = np.asarray(_batch_keys(self.base, np.uint32(self.count & 0xFFFFFFFF)))
            self.pos = 0
        k = self.buf[self.pos]
        self.pos += 1
        self.count += 1
        return k


def _c_int(value) -> int:
    return mxnet_rng.c_int(value)


def _resource(ctx_key) -> tuple:
    """The MXNet random resource a context uses: all CPU contexts share one."""
    dev_type = ctx_key[0]
    if dev_type in ("cpu", "cpu_pinned", "cpu_shared"):
        return ("cpu",)
    return tuple(ctx_key)


# --------------------------------------------------------------------------- seeding
def seed(seed_state: int, ctx_key=None) -> None:
    """Reset the streams of every context (``ctx_key=None``) or of one context.

    ``ctx_key`` is ``(device_type, device_id)``. ``seed_state`` is wrapped to a C int.
    Both the JAX stream and the MXNet-exact generators are re-seeded.
    """
    s = _c_int(seed_state)
    with _lock:
        if ctx_key is None:
            _global_seed[0] = s
            _state.clear()
            _exact.clear()
            _exact_seeds.clear()
        else:
            ctx_key = (ctx_key[0], int(ctx_key[1]))
            _state[ctx_key] = _CtxStream(s, ctx_key[1])
            res = _resource(ctx_key)
            _exact.pop(res, None)
            _exact_seeds[res] = s


def _ctx_stream(ctx_key) -> _CtxStream:
    st = _state.get(ctx_key)
    if st is None:
        ctx_key = (ctx_key[0], int(ctx_key[1]))
        st = _state[ctx_key] = _CtxStream(_global_seed[0], ctx_key[1])
    return st


# --------------------------------------------------------------------------- scopes
class KeyScope:
    """Keys for the random operators of one traced (compiled) function.

    ``next()`` gives ``fold_in(key, i)`` for the i-th draw of the trace; ``advance()``
    gives a key, unused by any draw, to carry the state to the next call or iteration.
    """

    __slots__ = ("key", "count")

    _ADVANCE = 0xFFFFFFFF

    def __init__(self, key):
        self.key = as_key(key)
        self.count = 0

    def next(self):
        k = jax.random.fold_in(self.key, self.count)
        self.count += 1
        return k

    def advance(self):
        return jax.random.fold_in(self.key, self._ADVANCE)


def _scopes() -> list:
    s = getattr(_local, "scopes", None)
    if s is None:
        s = _local.scopes = []
    return s


@contextlib.contextmanager
def key_scope(key):
    """Inside the block, random operators derive their keys from ``key`` (see module doc).

    ``key`` is usually an argument of a function being traced by ``jax.jit``: raw
    ``uint32[2]`` key data (what ``next_key()`` returns) or a typed threefry key.
    """
    scope = KeyScope(key)
    stack = _scopes()
    stack.append(scope)
    try:
        yield scope
    finally:
        stack.pop()


def in_key_scope() -> bool:
    s = getattr(_local, "scopes", None)
    return bool(s)


def _tracing() -> bool:
    try:
        from jax._src import core as _core
        return not _core.trace_ctx.is_top_level()
    except Exception:  # pragma: no cover - JAX internals moved: skip the safety check
        return False


# --------------------------------------------------------------------------- drawing
def next_key(ctx_key=("cpu", 0)):
    """A fresh key for one draw on the context ``ctx_key`` (``(device_type, device_id)``).

    Inside a ``key_scope`` the key comes from the scope (a traced value); otherwise from
    the context's eager stream, as raw ``uint32[2]`` host data.
    """
    s = getattr(_local, "scopes", None)
    if s:
        return s[-1].next()
    if _tracing():
        raise RandomKeyError(
            "a random operator was called inside a JAX transformation (jax.jit, vmap, "
            "grad, scan...) without a random key: a key drawn here would be a constant of "
            "the compiled code and every call would repeat the same numbers. Pass a key "
            "into the function (mxcompat.random.take_key()) and run the body under "
            "`with mxcompat.random.key_scope(key):`, or wrap it with "
            "mxcompat.random.compiled().")
    with _lock:
        return _ctx_stream(ctx_key).take()


_PLACEHOLDER = np.zeros(2, dtype=np.uint32)


def placeholder_key():
    """Key data for an operator call that draws nothing (Dropout in predict mode): the
    same type and shape as the keys ``next_key`` hands out, so it selects the same kernel."""
    return _PLACEHOLDER


def as_key(key):
    """A typed threefry key from raw ``uint32[2]`` key data (typed keys pass through).

    Operator bodies call this on their ``key`` argument before using ``jax.random``.
    """
    dt = getattr(key, "dtype", None)
    if dt is not None and jax.dtypes.issubdtype(dt, jax.dtypes.prng_key):
        return key
    return jax.random.wrap_key_data(jnp.asarray(key, dtype=jnp.uint32), impl=_IMPL)


# --------------------------------------------------------------------------- streams
def set_stream(name: str) -> None:
    """Select the random stream: ``'jax'`` (default) or ``'mxnet'`` (MXNet-exact CPU)."""
    name = str(name).lower()
    if name not in STREAMS:
        raise ValueError(f"unknown random stream {name!r}; choose one of {STREAMS}")
    _stream[0] = name


def get_stream() -> str:
    """The selected random stream: ``'jax'`` or ``'mxnet'``."""
    return _stream[0]


def exact_active() -> bool:
    return _stream[0] == "mxnet"


def exact_generator(ctx_key=("cpu", 0)) -> mxnet_rng.MXNetCPUGenerator:
    """The MXNet-exact generator (1024 engines) of the resource ``ctx_key`` uses."""
    res = _resource(ctx_key)
    with _lock:
        g = _exact.get(res)
        if g is None:
            g = _exact[res] = mxnet_rng.MXNetCPUGenerator(
                _exact_seeds.get(res, _global_seed[0]))
        return g


def register_host_sampler(op_name: str, fn) -> None:
    """Declare that operator ``op_name`` follows the MXNet-exact stream.

    ``fn(attrs, arrays, generator)`` returns the sample as a numpy array, given the parsed
    attributes, the input arrays (jax) and the generator of the context, or None for
    arguments it does not cover.
    """
    _host_samplers[op_name] = fn


_PKG_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def _warn_once(what: str, message: str) -> None:
    if what not in _warned:
        _warned.add(what)
        # point at the user's line: the first frame outside the mxcompat package
        level, f = 1, sys._getframe(0)
        while f is not None and f.f_code.co_filename.startswith(_PKG_DIR):
            f = f.f_back
            level += 1
        warnings.warn(message, RandomStreamWarning, stacklevel=level)


def host_sample(op, attrs: dict, arrays, ctx_key):
    """The MXNet-exact sample of a random operator call as a numpy array, or None.

    None means "draw from the JAX stream with a key": the JAX stream is selected, or the
    call is inside compiled code, or the exact stream does not cover the operator (a
    ``RandomStreamWarning`` is issued once per operator).
    """
    if _stream[0] != "mxnet":
        return None
    name = op if isinstance(op, str) else op.name
    if in_key_scope() or _tracing():
        _warn_once("scope:" + name,
                   f"mxcompat: the MXNet-exact random stream runs on the host and cannot be "
                   f"used inside compiled code; {name} there draws from the JAX stream")
        return None
    fn = _host_samplers.get(name)
    if fn is None:
        _warn_once(name, f"mxcompat: the MXNet-exact random stream does not cover {name}; "
                         f"it draws from the JAX stream")
        return None
    with _lock:
        r = fn(attrs, arrays, exact_generator(ctx_key))
    if r is None:
        _warn_once(name + ":args", f"mxcompat: the MXNet-exact random stream does not cover "
                                   f"{name} with these argument types; it draws from the "
                                   f"JAX stream")
    return r


def _init_from_env() -> None:
    v = os.environ.get("MXCOMPAT_RANDOM", "").strip().lower()
    if not v:
        return
    if v not in STREAMS:
        warnings.warn(f"MXCOMPAT_RANDOM={v!r} is not one of {STREAMS}; using 'jax'",
                      RandomStreamWarning)
        return
    _stream[0] = v


_init_from_env()


# --------------------------------------------------------------------------- bulk fills
_FILL_CHUNKS = (1 << 12, 1 << 18)
_fill_kernels: dict = {}


def _fill_kernel(kind: str, chunk: int, dtype):
    k = _fill_kernels.get((kind, chunk, dtype))
    if k is None:
        def draw(key, a, b):
            key = as_key(key)
            if kind == "uniform":
                return jax.random.uniform(key, (chunk,), dtype, a.astype(dtype), b.astype(dtype))
            return (jax.random.normal(key, (chunk,), dtype) * b + a).astype(dtype)
        k = _fill_kernels[(kind, chunk, dtype)] = jax.jit(draw)
    return k


def fill_values(kind: str, shape: tuple, dtype, a: float, b: float, ctx_key=("cpu", 0)):
    """Host values of shape ``shape``: ``uniform`` on [a, b) or ``normal`` (mean a, std b).

    For the initializers, which fill many arrays of as many different shapes once: the
    draw is compiled for a few fixed chunk sizes (not once per shape, which costs a
    compilation per parameter shape) and the chunks are cut to the shape on the host.
    Each chunk takes a fresh key from the context's stream, so ``seed`` repeats them.
    """
    dtype = np.dtype(dtype)
    n = int(np.prod(shape, dtype=np.int64))
    chunk = next((c for c in _FILL_CHUNKS if c >= n), _FILL_CHUNKS[-1])
    kern = _fill_kernel(kind, chunk, dtype)
    a_arr, b_arr = np.asarray(a, np.float64), np.asarray(b, np.float64)
    pieces = [kern(next_key(ctx_key), a_arr, b_arr) for _ in range(max(1, -(-n // chunk)))]
    flat = np.concatenate([np.asarray(p) for p in pieces]) if len(pieces) > 1 \
        else np.asarray(pieces[0])
    return flat[:n].reshape(shape)
