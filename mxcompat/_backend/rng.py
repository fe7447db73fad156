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

Keys are handed out as raw ``uint32[2]`` key data computed on the host with numpy, 256 at a
time (the threefry hash is written out here, bit for bit the one of ``jax.random``), so
drawing a key costs well under a microsecond, compiles nothing and does not touch the
device. Operators receive this as their ``key`` argument; ``as_key`` turns it into
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

import atexit
import contextlib
import functools
import os
import sys
import threading
import warnings

import jax
import jax.numpy as jnp
from jax import lax
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


# --------------------------------------------------------------------------- threefry
# The threefry-2x32 hash of jax.random, written out so that the host (numpy) and compiled
# code (lax, fully unrolled: one fused loop) compute exactly the bits jax.random computes.
_ROTATIONS = ((13, 15, 26, 6), (17, 29, 16, 24))
_KS_PARITY = np.uint32(0x1BD11BDA)


def _threefry2x32(k0, k1, x0, x1, add, xor, rotl):
    """The 20-round threefry-2x32 hash of the pairs ``(x0, x1)`` under key ``(k0, k1)``,
    built from the given uint32 operations (numpy's or lax's)."""
    ks = (k0, k1, xor(xor(k0, k1), _KS_PARITY))
    x0, x1 = add(x0, ks[0]), add(x1, ks[1])
    for i in range(5):
        for r in _ROTATIONS[i % 2]:
            x0 = add(x0, x1)
            x1 = xor(x0, rotl(x1, r))
        x0 = add(x0, ks[(i + 1) % 3])
        x1 = add(add(x1, ks[(i + 2) % 3]), np.uint32(i + 1))
    return x0, x1


def _np_rotl(x, r: int):
    return (x << np.uint32(r)) | (x >> np.uint32(32 - r))


def _host_hash(key: np.ndarray, x0: np.ndarray, x1: np.ndarray):
    """threefry-2x32 on the host: ``key`` is uint32[2], ``x0``/``x1`` uint32 arrays."""
    return _threefry2x32(np.uint32(key[0]), np.uint32(key[1]), x0, x1,
                         np.add, np.bitwise_xor, _np_rotl)


# --------------------------------------------------------------------------- key data
def _fold_in_many(key: np.ndarray, data: np.ndarray) -> np.ndarray:
    """``[fold_in(key, d) for d in data]`` as uint32[len(data), 2] key data (host)."""
    y0, y1 = _host_hash(key, np.zeros_like(data), data)
    return np.stack([y0, y1], axis=1)


def _base_data(seed_state: int, device_id: int) -> np.ndarray:
    """Key data of ``key(seed)`` (folded with the device id unless it is 0)."""
    s = int(seed_state) & 0xFFFFFFFFFFFFFFFF  # a 64-bit seed split into two words
    key = np.array([s >> 32, s & 0xFFFFFFFF], dtype=np.uint32)
    if device_id:
        key = _fold_in_many(key, np.array([device_id], dtype=np.uint32))[0]
    return key


def _batch_keys(base_data: np.ndarray, start: int) -> np.ndarray:
    """Key data of ``fold_in(base, start + i)`` for the next ``_BATCH`` values of i."""
    idx = np.uint32(start & 0xFFFFFFFF) + np.arange(_BATCH, dtype=np.uint32)
    return _fold_in_many(base_data, idx)


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
            self.buf = _batch_keys(self.base, self.count)
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


try:  # (imported once: this runs on every draw)
    from jax._src import core as _core

    def _tracing() -> bool:
        return not _core.trace_ctx.is_top_level()
except Exception:  # pragma: no cover - JAX internals moved: skip the safety check
    def _tracing() -> bool:
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


_PLACEHOLDER_ON: dict = {}   # device -> the placeholder, resident there


def placeholder_key(device=None):
    """Key data for an operator call that draws nothing (Dropout in predict mode): the
    same type and shape as the keys ``next_key`` hands out, so it selects the same kernel.
    With ``device``, a copy kept on that device (a call that always gets the placeholder
    then transfers nothing for it)."""
    if device is None:
        return _PLACEHOLDER
    k = _PLACEHOLDER_ON.get(device)
    if k is None:
        k = _PLACEHOLDER_ON[device] = jax.device_put(_PLACEHOLDER, device)
    return k


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
# What the numbers are: an array of n values is cut into chunks of _FILL_CHUNKS[i] values
# (the smallest that holds n, else the largest); chunk j is what
# ``jax.random.uniform(k_j, (chunk,), dtype, a, b)`` (or ``normal(...) * b + a``) gives,
# with k_j the next key of the context's stream, and the array is the first n values of the
# chunks laid end to end.
# How they are computed: jax.random derives the values of a chunk from threefry counter
# pairs. For 32-bit values pair p = (p, p + chunk/2) gives values p and p + chunk/2; for
# 64-bit values pair p = (p, p + chunk) gives value p (its two words). A compiled block
# computes ``pairs`` consecutive pairs from a start s, with the pair offset as an
# argument, so a block of any size serves every chunk size: the values never depend on
# which block computed them, and nothing compiles per shape.
_FILL_CHUNKS = (1 << 12, 1 << 18)
_BLOCKS = (1 << 11, 1 << 17)  # pairs per compiled call (half of each chunk size)
# A block kernel costs a compilation or a cache load (~25 ms) in each process, the large
# block computes a small draw in well under a millisecond: small draws use the large block
# until there have been this many, then the small block is compiled.
_SMALL_BLOCK_AFTER = 16
_AHEAD = 2                    # blocks dispatched ahead of the one being copied out
_SPARE_MAX = 4                # spent block outputs kept per block kernel for reuse
_ALIGN = 64                   # XLA:CPU uses host buffers this aligned in place
_fill_kernels: dict = {}
_spare: dict = {}             # kernel key -> spent outputs, donated as output buffers
_small_draws = [0]


def _lax_rotl(x, r: int):
    return lax.bitwise_or(lax.shift_left(x, np.uint32(r)),
                          lax.shift_right_logical(x, np.uint32(32 - r)))


def _unit_floats(bits, dtype: np.dtype):
    """Floats in [0, 1) from random bits (unsigned ints as wide as ``dtype``), as
    jax.random.uniform makes them: the top mantissa bits under the exponent of 1.0."""
    ut = bits.dtype
    nbits, nmant = dtype.itemsize * 8, np.finfo(dtype).nmant
    mant = lax.shift_right_logical(bits, np.array(nbits - nmant, ut))
    one = np.array(1.0, dtype).view(ut)
    return lax.sub(lax.bitcast_convert_type(lax.bitwise_or(mant, one), dtype),
                   np.array(1.0, dtype))


def _uniform_from_bits(bits, dtype: np.dtype, lo, hi):
    f = _unit_floats(bits, dtype)
    return lax.max(lo, lax.add(lax.mul(f, lax.sub(hi, lo)), lo))


def _values_from_bits(kind: str, bits, dtype: np.dtype, a, b):
    """Uniform on [a, b) or normal(mean a, std b) values of ``dtype`` from random bits;
    ``a`` and ``b`` are float64 scalars (computed as the jax.random samplers compute)."""
    if kind == "uniform":
        return _uniform_from_bits(bits, dtype, lax.convert_element_type(a, dtype),
                                  lax.convert_element_type(b, dtype))
    lo = np.nextafter(np.array(-1.0, dtype), np.array(0.0, dtype))
    u = _uniform_from_bits(bits, dtype, lo, np.array(1.0, dtype))
    z = lax.mul(np.array(np.sqrt(2), dtype), lax.erf_inv(u))
    z = lax.add(lax.mul(lax.convert_element_type(z, np.float64), b), a)
    return lax.convert_element_type(z, dtype)


def _packed_pairs(ctr, pairs: int):
    """The threefry hash of ``pairs`` counter pairs (see ``_fill_kernel``) as uint64
    ``(word0 << 32) | word1``."""
    x0 = lax.add(lax.iota(np.uint32, pairs), ctr[2])
    y0, y1 = _threefry2x32(ctr[0], ctr[1], x0, lax.add(x0, ctr[3]),
                           lax.add, lax.bitwise_xor, _lax_rotl)
    hi = lax.convert_element_type(y0, np.uint64)
    return lax.bitwise_or(lax.shift_left(hi, np.uint64(32)),
                          lax.convert_element_type(y1, np.uint64))


def _fill_kernel(kind: str, dtype: np.dtype, pairs: int):
    """Compiled ``(ctr, ab, buf) -> values`` for ``pairs`` counter pairs: ``ctr`` is uint32
    ``[key0, key1, start, offset]`` (pairs ``(start + i, start + i + offset)``), ``ab`` the
    float64 ``[a, b]``, ``buf`` an array shaped as the result, whose memory the result
    takes. 32-bit values come as [2, pairs] (first and second word of each pair), 64-bit
    ones as [pairs]."""
    k = _fill_kernels.get((kind, dtype, pairs))
    if k is None:
        wide = dtype.itemsize == 8

        def block(ctr, ab, _buf):
            # the pairs' two words packed in one uint64 (first word high), one per pair.
            # For 32-bit values the words go to two rows; XLA:CPU would fuse the hash into
            # both and compute it twice, so it is kept apart by a conditional whose
            # predicate always holds (the pair offset is never 0)
            if wide:
                bits = _packed_pairs(ctr, pairs)
            else:
                packed = lax.cond(ctr[3] != 0, functools.partial(_packed_pairs, pairs=pairs),
                                  lambda c: lax.full((pairs,), np.uint64(0)), ctr)
                words = (lax.shift_right_logical(packed, np.uint64(32)), packed)
                bits = lax.concatenate([lax.expand_dims(
                    lax.convert_element_type(w, np.uint32), (0,)) for w in words], 0)
            return _values_from_bits(kind, bits, dtype, ab[0], ab[1])
        # the third argument, an output of the same shape, is donated: spent outputs are
        # reused instead of fresh memory (new pages cost more than the draw on some hosts)
        k = _fill_kernels[(kind, dtype, pairs)] = jax.jit(block, donate_argnums=(2,),
                                                          keep_unused=True)
    return k


def _aligned_empty(n: int, dtype: np.dtype) -> np.ndarray:
    """An uninitialised 1-D host array whose data is ``_ALIGN``-byte aligned, so that
    ``jax.device_put`` to the CPU can use it without copying."""
    raw = np.empty(n * dtype.itemsize + _ALIGN, np.uint8)
    off = -raw.ctypes.data % _ALIGN
    return raw[off:off + n * dtype.itemsize].view(dtype)


def _block_pairs(kind: str, dtype: np.dtype, want: int) -> int:
    """The block size for a call that needs ``want`` pairs (see ``_SMALL_BLOCK_AFTER``)."""
    small, big = _BLOCKS
    if want > small:
        return big
    if (kind, dtype, small) not in _fill_kernels:
        _small_draws[0] += 1
        if _small_draws[0] <= _SMALL_BLOCK_AFTER:
            return big
    return small


def _run_block(kind: str, dtype: np.dtype, pairs: int, ctr: np.ndarray, ab: np.ndarray):
    """One compiled block call, writing into a spent output of the same kernel if any."""
    key = (kind, dtype, pairs)
    spare = _spare.get(key)
    if spare:
        buf = spare.pop()
    else:
        shape = (pairs,) if dtype.itemsize == 8 else (2, pairs)
        buf = jax.device_put(np.empty(shape, dtype))
    return _fill_kernel(kind, dtype, pairs)(ctr, ab, buf)


def _recycle(kind: str, dtype: np.dtype, out) -> None:
    """Keep a block output whose values were copied out, as the next call's buffer."""
    spare = _spare.setdefault((kind, dtype, out.shape[-1]), [])
    if len(spare) < _SPARE_MAX:
        spare.append(out)


def _copy_block(dst: np.ndarray, call: tuple, out, offset: int) -> None:
    """Copy the chunk values that block ``out`` holds into ``dst`` (flat)."""
    start, m, s = call
    host = np.asarray(out)
    width = host.shape[-1]
    if host.ndim == 1:  # 64-bit values: one per pair
        c = min(width, m - s)
        dst[start + s:start + s + c] = host[:c]
        return
    # row 0: values s.. of the chunk; row 1: values offset + s..; pairs past the
    # offset (a block wider than half the chunk) belong to no value
    c0 = min(width, offset - s, m - s)
    c1 = min(width, offset - s, m - offset - s)
    dst[start + s:start + s + c0] = host[0, :c0]
    if c1 > 0:
        dst[start + offset + s:start + offset + s + c1] = host[1, :c1]


def _as_prefix(out, n: int, offset: int):
    """The n values of a one-block draw as a view of the block's output, when they are its
    leading elements and fill at least half of it (else None: they are copied)."""
    host = np.asarray(out)
    width = host.shape[-1]
    if host.ndim == 2 and n > min(width, offset) and width != offset:
        return None
    flat = host.reshape(-1)
    return flat[:n] if 2 * n >= flat.size else None


def fill_values(kind: str, shape: tuple, dtype, a: float, b: float, ctx_key=("cpu", 0)):
    """Host values of shape ``shape``: ``uniform`` on [a, b) or ``normal`` (mean a, std b).

    For the initializers, which fill many arrays of as many different shapes once: the
    draw is compiled once per block size (see above), never per shape, and each chunk
    takes a fresh key from the context's stream, so ``seed`` repeats the values. The
    result is 64-byte aligned, so ``jax.device_put`` to a CPU device need not copy it;
    it may be a read-only view of a compiled block's output.
    """
    if _warmup_thread and _warmup_thread[0].is_alive():
        _warmup_thread[0].join()   # (rather than preparing the same kernel twice)
    dtype = np.dtype(dtype)
    n = int(np.prod(shape, dtype=np.int64))
    if n == 0:
        return np.empty(shape, dtype)
    chunk = next((c for c in _FILL_CHUNKS if c >= n), _FILL_CHUNKS[-1])
    offset = chunk if dtype.itemsize == 8 else chunk // 2
    ab = np.array([a, b], np.float64)
    calls = []  # (first value of the chunk, values of the chunk, first pair), key, pairs
    for start in range(0, n, chunk):
        key = next_key(ctx_key)
        m = min(chunk, n - start)
        npairs = min(m, offset)
        for s in range(0, npairs, _BLOCKS[-1]):
            pairs = _block_pairs(kind, dtype, min(npairs - s, _BLOCKS[-1]))
            calls.append(((start, m, s), np.array([key[0], key[1], s, offset], np.uint32),
                          pairs))
    pending = []  # outputs of calls[i], calls[i + 1], ... (dispatched, maybe not done)
    if len(calls) == 1:
        pending.append(_run_block(kind, dtype, calls[0][2], calls[0][1], ab))
        view = _as_prefix(pending[0], n, offset)
        if view is not None:
            return view.reshape(shape)
    dst = _aligned_empty(n, dtype)
    for i, (where, ctr, pairs) in enumerate(calls):
        # keep _AHEAD blocks computing while one is copied out
        while len(pending) <= _AHEAD and i + len(pending) < len(calls):
            w, c, p = calls[i + len(pending)]
            pending.append(_run_block(kind, dtype, p, c, ab))
        out = pending.pop(0)
        _copy_block(dst, where, out, offset)
        _recycle(kind, dtype, out)
    return dst.reshape(shape)


# --------------------------------------------------------------------------- warm-up
# Preparing the large uniform block kernel (tracing, lowering, loading it from the
# persistent compilation cache) costs ~25-40 ms in every new process, and nearly every
# program pays it at its first ``initialize``. It is done at import, on a background
# thread, so that it overlaps the script's own set-up (building the network, reading
# data). It draws nothing from any stream. ``MXCOMPAT_WARMUP=0`` turns it off.
_warmup_thread: list = []


def _warm_fill_kernel() -> None:
    try:
        dtype = np.dtype(np.float32)
        pairs = _BLOCKS[-1]
        ctr = np.array([0, 0, 0, pairs], np.uint32)
        buf = jax.device_put(np.empty((2, pairs), dtype))
        out = _fill_kernel("uniform", dtype, pairs)(ctr, np.array([0.0, 1.0]), buf)
        _recycle("uniform", dtype, out.block_until_ready())
    except Exception:  # pragma: no cover - a warm-up failure only costs the time it saves
        pass


def _join_warmup() -> None:
    for t in _warmup_thread:
        t.join()


def start_warmup() -> None:
    """Prepare the initializers' draw kernel on a background thread (once per process)."""
    off = os.environ.get("MXCOMPAT_WARMUP", "1").strip().lower() in ("0", "false", "off", "no")
    if _warmup_thread or _stream[0] != "jax" or off:
        return
    t = threading.Thread(target=_warm_fill_kernel, name="mxcompat-warmup", daemon=True)
    _warmup_thread.append(t)
    atexit.register(_join_warmup)   # never let the interpreter finalise under it
    t.start()
