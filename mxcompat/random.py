"""``mx.random``: seeding and the samplers (the same function objects as ``mx.nd.random``).

Random state
------------
``seed(s)`` resets the random state of every device (``ctx='all'``) or of one context.
A process that never calls ``seed`` behaves as if it had called ``seed(0)``. The same seed
gives the same stream of numbers on every backend (CPU, GPU, TPU): keys are threefry keys
derived only from the seed, the device id and the number of earlier draws (see
``mxcompat._backend.rng`` for the details and for how compiled code receives keys).

Streams
-------
By default numbers come from JAX's generator, so they differ from MXNet's. For checking a
ported program number for number, ``set_stream('mxnet')`` (or the environment variable
``MXCOMPAT_RANDOM=mxnet`` at import) selects an emulation of MXNet 1.9.1's CPU generator
for uniform, normal, randint and randn (and their ``_like``/NDArray-parameter forms):
uniform and randint are bit-identical to MXNet, normal float32 within 2 ulp. Other
samplers keep using the JAX stream and warn once (``RandomStreamWarning``).
``get_stream()`` tells which is selected.

Beyond MXNet's API this module adds ``set_stream``, ``get_stream``, ``key_scope``,
``take_key`` and ``compiled``.
"""

from ._backend import rng as _rng
from ._backend.rng import (RandomKeyError, RandomStreamWarning, get_stream,  # noqa: F401
                           key_scope, set_stream)
import jax as _jax
import numpy as _np

from . import autograd as _autograd
from .base import integer_types
from .context import Context
from .context import current_context as _current_context
from .ndarray.random import (exponential, gamma, generalized_negative_binomial,  # noqa: F401
                             multinomial, negative_binomial, normal, poisson, randint,
                             randn, shuffle, uniform)

__all__ = ["seed", "uniform", "normal", "randn", "poisson", "exponential", "gamma",
           "multinomial", "negative_binomial", "generalized_negative_binomial", "shuffle",
           "randint", "set_stream", "get_stream", "key_scope", "take_key", "compiled"]


def seed(seed_state, ctx="all"):
    """Seed the random number generators of all devices (``ctx='all'``) or of one context.

    ``seed_state`` must be an int (it is used as a C int, i.e. modulo 2**32). Seeding one
    context leaves the others' streams alone; with the MXNet-exact stream, all CPU contexts
    share one generator, as in MXNet.
    """
    if not isinstance(seed_state, integer_types):
        raise ValueError("seed_state must be int")
    if isinstance(ctx, str) and ctx == "all":
        _rng.seed(int(seed_state))
        return
    ctx = Context(ctx)
    _rng.seed(int(seed_state), (ctx.device_type, ctx.device_id))


def take_key(ctx=None):
    """A fresh key (raw uint32[2] key data) from the stream of ``ctx`` (default: the
    current context), to pass into compiled code that runs under ``key_scope``."""
    ctx = _current_context() if ctx is None else Context(ctx)
    return _rng.next_key((ctx.device_type, ctx.device_id))


def compiled(fn=None, **jit_kwargs):
    """``jax.jit(fn)`` whose random operators draw fresh numbers on every call.

    Each call takes one key from the current context's stream (or from an enclosing key
    scope) with ``take_key`` and passes it in as an argument; ``fn`` runs under
    ``key_scope`` of that key, so Dropout masks and samples differ from call to call and
    repeat after ``seed``. The autograd training flag at call time is a static argument:
    ``train_mode`` and ``predict_mode`` calls use separate compiled versions. ``fn`` takes
    and returns jax arrays (or pytrees of them); extra keyword arguments go to
    ``jax.jit`` (``static_argnums`` counts ``fn``'s own arguments).
    """
    def deco(f):
        def body(key, training, *args, **kwargs):
            mode = _autograd.train_mode() if training else _autograd.predict_mode()
            with key_scope(key), mode:
                return f(*args, **kwargs)

        kw = dict(jit_kwargs)
        static = kw.pop("static_argnums", ())
        static = tuple(int(i) + 2 for i in _np.atleast_1d(static).tolist()) if static != () \
            else ()
        jitted = _jax.jit(body, static_argnums=(1,) + static, **kw)

        def call(*args, **kwargs):
            return jitted(take_key(), bool(_autograd.is_training()), *args, **kwargs)

        call.__name__ = getattr(f, "__name__", "compiled")
        call.__qualname__ = getattr(f, "__qualname__", call.__name__)
        call.__doc__ = getattr(f, "__doc__", None)
        call.__wrapped__ = f
        return call

    return deco if fn is None else deco(fn)
