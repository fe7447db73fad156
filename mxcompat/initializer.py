"""``mx.init`` / ``mx.initializer``: weight initializers with MXNet 1.x behaviour.

An initializer is called as ``init(desc, arr)``: ``desc`` names the parameter (an
:class:`InitDesc`, or a plain str on the deprecated legacy path) and ``arr`` is the
NDArray to fill in place. Which fill runs is decided the way MXNet decides it: by the
``__init__`` attribute of the descriptor when there is one (always the initializer's
weight rule), otherwise by the suffix of the name.

Every random fill draws through ``mx.random`` (``uniform``/``normal``/``randint`` with
``out=``), the one random source of the library, with the same calls in the same order
as MXNet's initializers make, so that under the MXNet-exact random stream the numbers
equal MXNet's. The draws also name the array's context (``ctx=arr.context``; MXNet takes
the device from ``out=`` and ignores ``ctx``), so a parameter on ``mx.gpu(0)`` is drawn
on that device.
"""
from __future__ import annotations

import functools
import json
import logging
import math
import re
import warnings

import jax
import jax.numpy as jnp
import numpy as np

from ._backend import rng as _rng
from .base import MXNetError, string_types
from . import ndarray as _nd
from . import random as _mxrandom
from .ndarray import NDArray
from .ndarray import load as _nd_load
from .ndarray.ndarray import _wrap

__all__ = ["InitDesc", "Initializer", "register", "alias", "create", "Load", "Mixed",
           "Zero", "One", "Constant", "Uniform", "Normal", "Orthogonal", "Xavier",
           "MSRAPrelu", "Bilinear", "LSTMBias", "FusedRNN"]


def _random():
    """``mx.random``, looked up at call time (tests may replace its samplers)."""
    return _mxrandom


@functools.lru_cache(maxsize=None)
def _sharding(device) -> jax.sharding.Sharding:
    return jax.sharding.SingleDeviceSharding(device)


def _to_device(values: np.ndarray, device) -> jax.Array:
    """``values`` as an array on ``device``. On a CPU device an aligned host array is used
    in place; this costs about half of ``jax.device_put`` per call."""
    return jax.make_array_from_callback(values.shape, _sharding(device), lambda _: values)


def _fill(arr, value):
    """``arr[:] = value``. A number is filled on the host and copied to the array's device:
    no compilation per shape (a network has dozens of bias and BatchNorm shapes)."""
    shape = arr.shape
    if (isinstance(value, (int, float)) and not isinstance(value, bool) and arr.writable
            and arr._view is None and shape and 0 not in shape):
        arr._assign(_to_device(np.full(shape, value, np.dtype(arr.dtype)),
                               arr.context.jax_device))
    else:
        arr[:] = value


_SAMPLERS = (_mxrandom.uniform, _mxrandom.normal)


def _draw(arr, kind: str, a: float, b: float) -> None:
    """Fill ``arr`` with uniform [a, b) or normal(a, b) values from the one random source.

    The MXNet-exact stream, float16 and sub-arrays go through ``mx.random``; otherwise the
    bulk path of the random source, which compiles per chunk size rather than per shape
    (initialising a network touches dozens of shapes once each)."""
    rnd = _random()
    if (_exact_stream() or (rnd.uniform, rnd.normal) != _SAMPLERS or arr._view is not None
            or np.dtype(arr.dtype) not in (np.float32, np.float64) or not arr.shape
            or 0 in arr.shape or _rng.in_key_scope()):
        fn = rnd.uniform if kind == "uniform" else rnd.normal
        fn(a, b, arr.shape, ctx=arr.context, out=arr)
        return
    ctx = arr.context
    vals = _rng.fill_values(kind, arr.shape, arr.dtype, a, b, (ctx.device_type, ctx.device_id))
    arr._assign(_to_device(vals, ctx.jax_device))


def _exact_stream() -> bool:
    """True while the MXNet-exact random stream (``mx.random.set_stream('mxnet')``) is on."""
    return getattr(_rng, "get_stream", lambda: "jax")() == "mxnet"


# --------------------------------------------------------------------------- InitDesc
class InitDesc(str):
    """The name of a parameter to initialise, with its attributes.

    A ``str`` (the name itself) carrying ``attrs`` (a dict, e.g. the symbol attributes,
    where ``'__init__'`` selects an initializer) and ``global_init`` (the initializer a
    composite initializer falls back to; set by the first initializer it is given to).
    """

    def __new__(cls, name, attrs=None, global_init=None):
        desc = super().__new__(cls, name)
        desc.attrs = attrs or {}
        desc.global_init = global_init
        return desc


# --------------------------------------------------------------------------- messages
_LEGACY_WARNING = ("\033[91mCalling initializer with init(str, NDArray) has been deprecated."
                   "please use init(mx.init.InitDesc(...), NDArray) instead.\033[0m")
_UNKNOWN_PATTERN = ('Unknown initialization pattern for %s. Default initialization is now limited '
                    'to "weight", "bias", "gamma" (1.0), and "beta" (0.0).Please use '
                    'mx.sym.Variable(init=mx.init.*) to set initialization pattern')
_NO_MATCH = ('Parameter name %s did not match any pattern. Consideradd a ".*" pattern at the '
             'and with default Initializer.')


def _rms(x):
    """The default verbose statistic: ``norm(x) / sqrt(size)`` as a string."""
    return str((_nd.norm(x) / math.sqrt(x.size)).asscalar())


# --------------------------------------------------------------------------- Initializer
class Initializer:
    """Base class of the initializers.

    Subclasses override ``_init_weight`` (and possibly the other ``_init_*`` hooks);
    the constructor keyword arguments are kept in ``_kwargs`` for :meth:`dumps` and
    equality.
    """

    def __init__(self, **kwargs):
        self._kwargs = kwargs
        self._verbose = False
        self._print_func = None

    def set_verbosity(self, verbose=False, print_func=None):
        """Turn logging of each initialisation on or off; returns ``self``.

        ``print_func(arr) -> str`` computes the logged statistic; by default the
        root mean square of the array.
        """
        self._verbose = verbose
        self._print_func = _rms if print_func is None else print_func
        return self

    def _verbose_print(self, desc, label, arr):
        if self._verbose and self._print_func:
            logging.info('Initialized %s as %s: %s', desc, label, self._print_func(arr))

    def dumps(self):
        """The JSON string ``[name, kwargs]`` that :func:`create` turns back into
        an equal initializer."""
        return json.dumps([type(self).__name__.lower(), self._kwargs])

    # -- dispatch ------------------------------------------------------------------
    def __call__(self, desc, arr):
        """Fill ``arr`` in place for the parameter described by ``desc``."""
        if not isinstance(desc, InitDesc):
            self._legacy_init(desc, arr)
            return
        if desc.global_init is None:
            desc.global_init = self
        attr = desc.attrs.get('__init__', "")
        if attr:
            # an initializer chosen for this variable: its weight rule, whatever the name
            create(attr)._init_weight(desc, arr)
            self._verbose_print(desc, attr, arr)
            return
        for suffix, hook in _SUFFIX_RULES:
            if desc.endswith(suffix):
                getattr(self, hook)(desc, arr)
                self._verbose_print(desc, suffix, arr)
                return
        self._init_default(desc, arr)

    def _legacy_init(self, name, arr):
        """The deprecated ``init(str, arr)`` path: name-based rules, no logging."""
        warnings.warn(_LEGACY_WARNING, DeprecationWarning, stacklevel=3)
        if not isinstance(name, string_types):
            raise TypeError('name must be string')
        if not isinstance(arr, NDArray):
            raise TypeError('arr must be NDArray')
        if name.startswith('upsampling'):
            self._init_bilinear(name, arr)
        elif name.startswith('stn_loc') and name.endswith('weight'):
            self._init_zero(name, arr)
        elif name.startswith('stn_loc') and name.endswith('bias'):
            self._init_loc_bias(name, arr)
        else:
            for suffix, hook in _LEGACY_SUFFIX_RULES:
                if name.endswith(suffix):
                    getattr(self, hook)(name, arr)
                    return
            self._init_default(name, arr)

    # -- fills -----------------------------------------------------------------------
    def _init_bilinear(self, _, arr):
        arr[:] = _bilinear_kernel(arr.shape)

    def _init_loc_bias(self, _, arr):
        assert arr.shape[0] == 6
        arr[:] = np.array([1.0, 0, 0, 0, 1.0, 0])

    def _init_zero(self, _, arr):
        _fill(arr, 0.0)

    def _init_one(self, _, arr):
        _fill(arr, 1.0)

    def _init_bias(self, _, arr):
        _fill(arr, 0.0)

    def _init_quantized_bias(self, _, arr):
        _fill(arr, 0)

    def _init_gamma(self, _, arr):
        _fill(arr, 1.0)

    def _init_beta(self, _, arr):
        _fill(arr, 0.0)

    def _init_weight(self, name, arr):
        """Fill a weight; every concrete initializer overrides it."""
        raise NotImplementedError("Must override it")

    def _init_quantized_weight(self, _, arr):
        # one int32 draw in [-127, 127), broadcast as int8
        value = _random().randint(-127, 127, dtype='int32').asnumpy()
        arr[:] = np.int8(value)

    def _init_default(self, name, _):
        raise ValueError(_UNKNOWN_PATTERN % name)

    # -- comparison --------------------------------------------------------------------
    def __eq__(self, other):
        if not isinstance(other, Initializer):
            return NotImplemented
        return type(self) is type(other) and self._kwargs == other._kwargs

    __hash__ = None  # equal initializers must hash alike; kwargs may be unhashable


# suffix -> hook, in the order MXNet tests them
_SUFFIX_RULES = (
    ('weight', '_init_weight'),
    ('bias', '_init_bias'),
    ('gamma', '_init_gamma'),
    ('beta', '_init_beta'),
    ('min', '_init_zero'),
    ('max', '_init_one'),
    ('weight_quantize', '_init_quantized_weight'),
    ('bias_quantize', '_init_quantized_bias'),
)
_LEGACY_SUFFIX_RULES = (
    ('bias', '_init_bias'),
    ('gamma', '_init_gamma'),
    ('beta', '_init_beta'),
    ('weight', '_init_weight'),
    ('moving_mean', '_init_zero'),
    ('moving_var', '_init_one'),
    ('moving_inv_var', '_init_zero'),
    ('moving_avg', '_init_zero'),
    ('min', '_init_zero'),
    ('max', '_init_one'),
)


def _bilinear_kernel(shape):
    """The bilinear upsampling kernel MXNet builds (width shape[3] for both axes)."""
    shape = tuple(shape)
    width, height = shape[3], shape[2]
    f = math.ceil(width / 2.0)
    c = (2 * f - 1 - f % 2) / (2.0 * f)
    i = np.arange(int(np.prod(shape)))
    x = i % width
    y = (i // width) % height
    w = (1 - np.abs(x / f - c)) * (1 - np.abs(y / f - c))
    return w.astype(np.float32).reshape(shape)


# --------------------------------------------------------------------------- registry
_REGISTRY: dict = {}


def _shown_module(klass) -> str:
    # our own classes are shown as MXNet's, as a legacy program expects
    mod = klass.__module__
    if mod == "mxcompat" or mod.startswith("mxcompat."):
        mod = "mxnet" + mod[len("mxcompat"):]
    return mod


def _register_as(klass, name=None):
    assert issubclass(klass, Initializer), \
        "Can only register subclass of %s" % Initializer.__name__
    name = (klass.__name__ if name is None else name).lower()
    old = _REGISTRY.get(name)
    if old is not None:
        warnings.warn(
            "\033[91mNew initializer %s.%s registered with name %s isoverriding existing "
            "initializer %s.%s\033[0m" % (_shown_module(klass), klass.__name__, name,
                                          _shown_module(old), old.__name__),
            UserWarning, stacklevel=3)
    _REGISTRY[name] = klass
    return klass


def register(klass):
    """Register an Initializer subclass under its lowercased class name, so that
    :func:`create` (and the ``__init__`` attribute) can find it; returns the class."""
    return _register_as(klass)


def alias(*aliases):
    """Class decorator registering an Initializer subclass under extra names."""
    def decorate(klass):
        for name in aliases:
            _register_as(klass, name)
        return klass
    return decorate


def create(*args, **kwargs):
    """An initializer from a spec: an instance (returned as is), a registered name
    (any case) with constructor arguments, a dict or JSON object with an
    ``'initializer'`` key, or a JSON list ``[name, kwargs]`` as :meth:`dumps` writes."""
    if args:
        spec, args = args[0], args[1:]
    else:
        spec = kwargs.pop('initializer')
    if isinstance(spec, Initializer):
        assert not args and not kwargs, \
            "initializer is already an instance. Additional arguments are invalid"
        return spec
    if isinstance(spec, dict):
        return create(**spec)
    assert isinstance(spec, string_types), "initializer must be of string type"
    if spec.startswith('['):
        assert not args and not kwargs
        name, params = json.loads(spec)
        return create(name, **params)
    if spec.startswith('{'):
        assert not args and not kwargs
        return create(**json.loads(spec))
    name = spec.lower()
    assert name in _REGISTRY, \
        "%s is not registered. Please register with initializer.register first" % name
    return _REGISTRY[name](*args, **kwargs)


# --------------------------------------------------------------------------- Load / Mixed
class Load:
    """Initialise from saved arrays: a dict or a ``.params`` file name.

    The ``arg:``/``aux:`` prefixes of saved names are dropped. A name that is not
    found goes to ``default_init``.
    """

    def __init__(self, param, default_init=None, verbose=False):
        if isinstance(param, str):
            param = _nd_load(param)
        assert isinstance(param, dict)
        self.param = {}
        for name, arr in param.items():
            if name.startswith('arg:') or name.startswith('aux:'):
                name = name[4:]
            self.param[name] = arr
        self.default_init = default_init
        self.verbose = verbose

    def __call__(self, name, arr):
        if name in self.param:
            src = self.param[name]
            assert arr.shape == src.shape, \
                ('Parameter %s cannot be initialized from loading. ' % name
                 + 'Shape mismatch, target %s vs loaded %s' % (str(arr.shape), src.shape))
            arr[:] = src
            if self.verbose:
                logging.info('Initialized %s by loading', name)
        else:
            assert self.default_init is not None, \
                ("Cannot Initialize %s. Not found in loaded param " % name
                 + "and no default Initializer is provided.")
            self.default_init(name, arr)
            if self.verbose:
                logging.info('Initialized %s by default', name)


class Mixed:
    """Several initializers chosen by regular expressions on the parameter name.

    The first pattern that matches at the *start* of the name (``re.match``) wins;
    its initializer is called with the same descriptor.
    """

    def __init__(self, patterns, initializers):
        assert len(patterns) == len(initializers)
        self.map = list(zip([re.compile(p) for p in patterns], initializers))

    def __call__(self, name, arr):
        for prog, init in self.map:
            if prog.match(name):
                init(name, arr)
                return
        raise ValueError(_NO_MATCH)  # MXNet never fills in the %s


# --------------------------------------------------------------------------- classes
@register
@alias("zeros")
class Zero(Initializer):
    """Weights are set to 0."""

    def __init__(self):
        super().__init__()

    def _init_weight(self, _, arr):
        _fill(arr, 0)


@register
@alias("ones")
class One(Initializer):
    """Weights are set to 1."""

    def __init__(self):
        super().__init__()

    def _init_weight(self, _, arr):
        _fill(arr, 1)


@register
class Constant(Initializer):
    """Weights are set to ``value``: a scalar, or an array (NDArray or numpy) that
    broadcasts to the weight's shape."""

    def __init__(self, value):
        super().__init__(value=value)
        self.value = value

    def _init_weight(self, _, arr):
        _fill(arr, self.value)

    def dumps(self):
        value = self._kwargs['value']
        if not np.isscalar(value) and not isinstance(value, (list, tuple)):
            # arrays are written as nested lists (and kept that way, as MXNet does);
            # lists pass through, so a second dumps() works (MXNet's raises)
            self._kwargs['value'] = (value.tolist() if isinstance(value, np.ndarray)
                                     else value.asnumpy().tolist())
        return json.dumps([type(self).__name__.lower(), self._kwargs])


@register
class Uniform(Initializer):
    """Weights drawn uniformly from ``[-scale, scale)``."""

    def __init__(self, scale=0.07):
        super().__init__(scale=scale)
        self.scale = scale

    def _init_weight(self, _, arr):
        _draw(arr, "uniform", -self.scale, self.scale)


@register
class Normal(Initializer):
    """Weights drawn from a normal distribution with mean 0 and std ``sigma``."""

    def __init__(self, sigma=0.01):
        super().__init__(sigma=sigma)
        self.sigma = sigma

    def _init_weight(self, _, arr):
        _draw(arr, "normal", 0.0, self.sigma)


@register
class Orthogonal(Initializer):
    """An orthogonal matrix times ``scale`` (Saxe et al., arXiv:1312.6120).

    The weight, seen as ``(shape[0], prod(shape[1:]))``, gets orthonormal columns
    when it has at least as many rows as columns, orthonormal rows otherwise. The
    random matrix it comes from is drawn with ``rand_type`` ``"uniform"`` (on
    [-1, 1)) or ``"normal"``.
    """

    def __init__(self, scale=1.414, rand_type="uniform"):
        super().__init__(scale=scale, rand_type=rand_type)
        self.scale = scale
        self.rand_type = rand_type

    def _init_weight(self, _, arr):
        shape = arr.shape
        nout = shape[0]
        if self.rand_type not in ("uniform", "normal"):
            raise UnboundLocalError(
                "cannot access local variable 'tmp' where it is not associated with a value")
        if len(shape) < 2:
            # MXNet asks for a (nout, 1.0) sample here, which its shape parser rejects
            raise MXNetError("Invalid Parameter format for shape expect Shape(tuple) but "
                             "value='(%d, 1.0)'" % nout)
        nin = int(np.prod(shape[1:]))
        if self.rand_type == "uniform":
            tmp = _random().uniform(-1.0, 1.0, shape=(nout, nin), ctx=arr.context)
        else:
            tmp = _random().normal(0.0, 1.0, shape=(nout, nin), ctx=arr.context)
        arr[:] = self.scale * _orthonormal_factor(tmp).reshape(shape)


def _orthonormal_factor(tmp: NDArray):
    """U of the thin SVD when it has tmp's shape, else V^T (as MXNet picks)."""
    if _exact_stream():
        # numpy's LAPACK, as MXNet: the MXNet-exact stream reproduces its numbers
        host = tmp.asnumpy()
        u, _, v = np.linalg.svd(host, full_matrices=False)
        return u if u.shape == host.shape else v
    data = tmp._array
    u, _, v = jnp.linalg.svd(data, full_matrices=False)
    res = u if u.shape == data.shape else v
    return _wrap(res, tmp.context)


@register
class Xavier(Initializer):
    """Glorot/Xavier initialisation.

    ``fan_in = shape[1] * k`` and ``fan_out = shape[0] * k`` with ``k`` the product
    of the remaining dimensions; ``factor`` is their mean (``"avg"``), ``fan_in``
    (``"in"``) or ``fan_out`` (``"out"``); ``scale = sqrt(magnitude / factor)``.
    ``rnd_type="uniform"`` draws from ``[-scale, scale)``, ``"gaussian"`` from a
    normal distribution with std ``scale``.
    """

    def __init__(self, rnd_type="uniform", factor_type="avg", magnitude=3):
        super().__init__(rnd_type=rnd_type, factor_type=factor_type, magnitude=magnitude)
        self.rnd_type = rnd_type
        self.factor_type = factor_type
        self.magnitude = float(magnitude)

    def _init_weight(self, name, arr):
        shape = arr.shape
        if len(shape) < 2:
            raise ValueError('Xavier initializer cannot be applied to vector {0}. It requires at'
                             ' least 2D.'.format(name))
        hw_scale = 1.0
        for d in shape[2:]:
            hw_scale *= d
        fan_in, fan_out = shape[1] * hw_scale, shape[0] * hw_scale
        if self.factor_type == "avg":
            factor = (fan_in + fan_out) / 2.0
        elif self.factor_type == "in":
            factor = fan_in
        elif self.factor_type == "out":
            factor = fan_out
        else:
            raise ValueError("Incorrect factor type")
        scale = math.sqrt(self.magnitude / factor)
        if self.rnd_type == "uniform":
            _draw(arr, "uniform", -scale, scale)
        elif self.rnd_type == "gaussian":
            _draw(arr, "normal", 0.0, scale)
        else:
            raise ValueError("Unknown random type")


@register
class MSRAPrelu(Xavier):
    """He/MSRA initialisation for (P)ReLU networks (arXiv:1502.01852): Xavier with
    ``rnd_type="gaussian"`` and ``magnitude = 2 / (1 + slope**2)``."""

    def __init__(self, factor_type="avg", slope=0.25):
        super().__init__("gaussian", factor_type, 2.0 / (1 + slope ** 2))
        self._kwargs = {'factor_type': factor_type, 'slope': slope}


@register
class Bilinear(Initializer):
    """The bilinear interpolation kernel of upsampling (deconvolution) layers."""

    def __init__(self):
        super().__init__()

    def _init_weight(self, _, arr):
        arr[:] = _bilinear_kernel(arr.shape)


@register
class LSTMBias(Initializer):
    """LSTM biases: 0, except the forget gate (the second quarter, gate order
    i, f, c, o) which gets ``forget_bias``. Acts through the weight rule, i.e. via
    the ``__init__`` attribute (a plain ``*_bias`` name gets the bias rule, 0)."""

    def __init__(self, forget_bias=1.0):
        super().__init__(forget_bias=forget_bias)
        self.forget_bias = forget_bias

    def _init_weight(self, name, arr):
        _fill(arr, 0.0)
        h = int(arr.shape[0] / 4)
        arr[h:2 * h] = self.forget_bias


_RNN_GATES = {'rnn_relu': [''], 'rnn_tanh': [''], 'lstm': ['_i', '_f', '_c', '_o'],
              'gru': ['_r', '_z', '_o']}


def _fused_rnn_layout(mode, num_layers, bidirectional, num_hidden, num_input):
    """[(name, shape)] of the pieces of a fused RNN parameter vector, in order:
    every weight (layer, direction, i2h gates, h2h gates), then every bias."""
    gates = _RNN_GATES[mode]
    dirs = ['l', 'r'] if bidirectional else ['l']
    b, h = len(dirs), num_hidden
    out = []
    for layer in range(num_layers):
        for d in dirs:
            ncol = num_input if layer == 0 else b * h
            out += [('%s%d_i2h%s_weight' % (d, layer, g), (h, ncol)) for g in gates]
            out += [('%s%d_h2h%s_weight' % (d, layer, g), (h, h)) for g in gates]
    for layer in range(num_layers):
        for d in dirs:
            out += [('%s%d_i2h%s_bias' % (d, layer, g), (h,)) for g in gates]
            out += [('%s%d_h2h%s_bias' % (d, layer, g), (h,)) for g in gates]
    return out


@register
class FusedRNN(Initializer):
    """Initialise the single parameter vector of a fused RNN layer piece by piece.

    The vector is cut into the per-gate weights and biases of every layer and
    direction (the fused RNN layout); each piece is initialised with ``init`` (or
    the global initializer when ``init`` is None) under its own name, so weights
    get the weight rule and biases the bias rule; for LSTM every forget-gate bias
    (i2h and h2h) is set to ``forget_bias``.

    ``init`` may also be given as a spec string (a registered name or the JSON that
    :meth:`Initializer.dumps` writes), so ``create(FusedRNN(...).dumps())`` works.
    """

    def __init__(self, init, num_hidden, num_layers, mode, bidirectional=False,
                 forget_bias=1.0):
        if isinstance(init, string_types):
            init = create(init)  # MXNet looks in the wrong registry here (KeyError)
        super().__init__(init=init.dumps() if init is not None else None,
                         num_hidden=num_hidden, num_layers=num_layers, mode=mode,
                         bidirectional=bidirectional, forget_bias=forget_bias)
        self._init = init
        self._num_hidden = num_hidden
        self._num_layers = num_layers
        self._mode = mode
        self._bidirectional = bidirectional
        self._forget_bias = forget_bias

    def _init_weight(self, desc, arr):
        gates = _RNN_GATES[self._mode]
        b = 2 if self._bidirectional else 1
        m, h = len(gates), self._num_hidden
        num_input = arr.size // b // h // m - (self._num_layers - 1) * (h + b * h + 2) - h - 2
        layout = _fused_rnn_layout(self._mode, self._num_layers, self._bidirectional, h,
                                   num_input)
        shapes = tuple(s for _, s in layout)
        total = sum(int(np.prod(s)) for s in shapes)
        assert num_input > 0 and total == arr.size, "Invalid parameters size for FusedRNNCell"
        ctx = arr.context
        pieces = [(name, _wrap(p, ctx)) for (name, _), p in
                  zip(layout, _split_fused(arr._array, shapes))]
        for name, piece in pieces:
            if self._mode == 'lstm' and name.endswith("_f_bias"):
                _fill(piece, self._forget_bias)
            elif self._init is None:
                desc.global_init(InitDesc(name, global_init=desc.global_init), piece)
            else:
                self._init(InitDesc(name, global_init=desc.global_init), piece)
        arr[:] = _wrap(_join_fused(tuple(p._array for _, p in pieces), tuple(arr.shape)), ctx)


@functools.partial(jax.jit, static_argnums=(1,))
def _split_fused(data, shapes):
    """The pieces of a fused RNN parameter array (read flat), in one compiled call."""
    flat = data.reshape(-1)
    out, p = [], 0
    for shape in shapes:
        size = int(np.prod(shape))
        out.append(flat[p:p + size].reshape(shape))
        p += size
    return out


@functools.partial(jax.jit, static_argnums=(1,))
def _join_fused(pieces, shape):
    return jnp.concatenate([p.reshape(-1) for p in pieces]).reshape(shape)


_rng.start_warmup()   # the draw kernel of the initializers, prepared in the background
