"""Layer 3: NDArray, a mutable handle over an immutable ``jax.Array``.

In-place operations rebind the handle's array. A view (reshape, or a basic index whose
selection is contiguous in row-major memory: exactly where MXNet makes views) shares
storage with its root array: it reads a flat window of the root and writes through to it.
"""
from __future__ import annotations

import functools
import warnings
from typing import Any

import jax
import jax.numpy as jnp
import numpy as np

from .._backend import dtypes as _dt
from ..base import MXNetError, incompatible_attr, numeric_types
from ..context import Context, current_context
from ..ops.registry import REGISTRY as _OPS
from .._backend import deferred as _deferred
from .._backend.deferred import Pending as _Pending

__all__ = ["NDArray", "array", "empty", "waitall"]


# --------------------------------------------------------------------------- views
class _View:
    """Where a view lives inside its root: a flat offset and a shape."""

    __slots__ = ("root", "offset", "shape", "src", "cache")

    def __init__(self, root: "NDArray", offset: int, shape: tuple):
        self.root, self.offset, self.shape = root, offset, shape
        self.src = None
        self.cache = None


@functools.partial(jax.jit, static_argnums=(2,))
def _flat_window(base, offset, shape):
    size = int(np.prod(shape, dtype=np.int64))
    flat = base.reshape(-1)
    return jax.lax.dynamic_slice(flat, (offset,), (size,)).reshape(shape)


@jax.jit
def _flat_write(base, offset, value):
    flat = base.reshape(-1)
    return jax.lax.dynamic_update_slice(flat, value.reshape(-1).astype(base.dtype),
                                        (offset,)).reshape(base.shape)


_WINDOWS: dict = {}
_CASTERS: dict = {}


def _window_fn(shape: tuple):
    """Compiled ``f(base, offset)``: the window of ``shape`` at a flat offset of base."""
    f = _WINDOWS.get(shape)
    if f is None:
        f = _WINDOWS[shape] = jax.jit(lambda base, offset: _flat_window(base, offset, shape))
    return f


def _caster(dtype_name: str):
    """Compiled ``f(x) = x.astype(dtype)``."""
    f = _CASTERS.get(dtype_name)
    if f is None:
        f = _CASTERS[dtype_name] = jax.jit(lambda x: x.astype(dtype_name))
    return f


def _wrap(arr: jax.Array, ctx: Context) -> "NDArray":
    """A new root NDArray holding ``arr`` (a jax.Array or a deferred placeholder)."""
    nd = object.__new__(NDArray)
    nd._v = arr
    nd._view = None
    nd._ctx = ctx
    nd._ag = None
    nd.writable = True
    return nd


def _shape_str(shape) -> str:
    return "x".join(str(s) for s in shape)


# --------------------------------------------------------------------------- NDArray
class NDArray:
    """An n-dimensional array on a device, with MXNet 1.x semantics."""

    __slots__ = ("_v", "_view", "_ctx", "_ag", "writable", "__weakref__")
    __array_priority__ = 1000.0

    # -- storage ----------------------------------------------------------------
    # ``_v`` holds a jax.Array, or a ``Pending`` placeholder while the call computing it is
    # deferred (see _backend/deferred.py). ``_data`` and ``_array`` always give a jax.Array
    # (running deferred work when needed); ``_raw()`` may give a placeholder, for code that
    # only passes the value on to more deferred calls.
    @property
    def _data(self):
        v = self._v
        if type(v) is _Pending:
            v = self._v = v.get()
        return v

    @_data.setter
    def _data(self, value) -> None:
        self._v = value

    def _read_view(self) -> jax.Array:
        v = self._view
        base = v.root._data
        if v.src is not base:
            if v.offset == 0 and v.shape == base.shape:  # a whole-array view: no copy
                v.cache = base
            else:
                v.cache = _flat_window(base, v.offset, v.shape)
            v.src = base
        return v.cache

    def _raw(self):
        """The current value, possibly a deferred placeholder."""
        v = self._view
        if v is None:
            return self._v
        base = v.root._v
        if type(base) is _Pending:
            if v.offset == 0 and v.shape == base.shape:
                return base
            return _deferred.run(_window_fn(v.shape), (base, v.offset), self._ctx)
        return self._read_view()

    @property
    def _array(self) -> jax.Array:
        """The current value as a jax.Array."""
        return self._data if self._view is None else self._read_view()

    def _set(self, arr) -> None:
        """Rebind this handle (and its root, for a view) to a new value of the same shape."""
        v = self._view
        if v is None:
            self._v = arr
        else:
            root = v.root
            base = root._v
            if v.offset == 0 and v.shape == base.shape and arr.dtype == base.dtype:
                root._v = arr   # a whole-array view
            else:
                root._v = _deferred.run(_flat_write, (base, v.offset, arr), root._ctx)
            v.cache, v.src = None, None
        hook = _write_hook
        if hook is not None:
            hook(self)

    def _assign(self, arr, what: str = "") -> None:
        """Write ``arr`` into this array (``out=`` targets): same shape, cast to our dtype."""
        shape = self.shape
        if tuple(arr.shape) != shape:
            raise MXNetError(f"{what}: shape inconsistent: the out= array has shape "
                             f"{list(shape)} but the result has shape {list(arr.shape)}")
        if type(arr) is _Pending and _deferred.multi_device():
            arr = arr.get()
        if arr.dtype != self._dtype:
            arr = _deferred.run(_caster(self._dtype.name), (arr,), self._ctx) \
                if type(arr) is _Pending else arr.astype(self._dtype)
        device = self._ctx.jax_device
        if isinstance(arr, jax.Array) and not isinstance(arr, jax.core.Tracer) \
                and arr.devices() != {device}:
            arr = jax.device_put(arr, device)
        self._set(arr)

    def _view_of(self, offset: int, shape: tuple) -> "NDArray":
        v = self._view
        if v is not None:
            root, offset = v.root, v.offset + offset
        else:
            root = self
        nd = object.__new__(NDArray)
        nd._v = None
        nd._view = _View(root, offset, tuple(shape))
        nd._ctx = self._ctx
        nd._ag = None
        nd.writable = self.writable
        return nd

    # -- properties -------------------------------------------------------------
    @property
    def shape(self) -> tuple:
        v = self._view
        return tuple(self._v.shape) if v is None else v.shape

    @property
    def size(self) -> int:
        return int(np.prod(self.shape, dtype=np.int64))

    @property
    def ndim(self) -> int:
        return len(self.shape)

    @property
    def _dtype(self) -> np.dtype:
        v = self._view
        return (self._v if v is None else v.root._v).dtype

    @property
    def dtype(self) -> type:
        """The numpy scalar type (``np.float32``), as MXNet returns it."""
        return self._dtype.type

    @property
    def context(self) -> Context:
        return self._ctx

    ctx = context

    @property
    def stype(self) -> str:
        return "default"

    @property
    def handle(self):
        import ctypes
        return ctypes.c_void_p(id(self))

    @property
    def T(self) -> "NDArray":
        if self.ndim < 2:
            return self
        return _op("transpose")(self)

    # -- host conversion --------------------------------------------------------
    def asnumpy(self) -> np.ndarray:
        """A new numpy array with the same values and dtype."""
        return np.array(self._array)

    def asscalar(self):
        if self.size != 1:
            raise ValueError("The current array is not a scalar")
        arr = self.asnumpy()
        # MXNet indexes the first element of a 1-d array and returns others whole
        return arr[0] if arr.ndim == 1 else arr

    def tolist(self) -> list:
        return self.asnumpy().tolist()

    def wait_to_read(self) -> None:
        self._array.block_until_ready()

    def wait_to_write(self) -> None:
        self._array.block_until_ready()

    def __repr__(self) -> str:
        return "\n%s\n<%s %s @%s>" % (str(self.asnumpy()), type(self).__name__,
                                       _shape_str(self.shape), self._ctx)

    __str__ = __repr__

    def __format__(self, spec) -> str:
        return format(repr(self), spec)

    # -- python protocol --------------------------------------------------------
    def __len__(self) -> int:
        return self.shape[0]

    def __bool__(self) -> bool:
        n = self.size
        if n == 0:
            return False
        if n == 1:
            return bool(self.asscalar())
        raise ValueError("The truth value of an NDArray with multiple elements is ambiguous.")

    __nonzero__ = __bool__

    def __hash__(self) -> int:
        return id(self) // 16

    def __getstate__(self) -> dict:
        from . import _params_format as pf
        ctx = self._ctx
        arr = self.asnumpy()
        return {"handle": bytearray(pf.encode_array(arr, ctx.device_typeid, ctx.device_id,
                                                    np_shape=arr.ndim == 0))}

    def __setstate__(self, state: dict) -> None:
        from . import _params_format as pf
        arr, dev_type, dev_id = pf.decode_array(bytes(state["handle"]))
        ctx = Context(Context.devtype2str.get(dev_type, "cpu"), dev_id)
        try:
            device = ctx.jax_device
        except MXNetError:
            ctx, device = Context("cpu", 0), Context("cpu", 0).jax_device
        self._data = jax.device_put(arr, device)
        self._view = None
        self._ctx = ctx
        self._ag = None
        self.writable = True

    def __reduce_ex__(self, protocol):
        return (_empty_for_unpickle, (), self.__getstate__())

    # -- copies and conversion --------------------------------------------------
    def astype(self, dtype, copy: bool = True) -> "NDArray":
        dt = _dt.to_dtype(dtype)
        if not copy and dt == self._dtype:
            return self
        return _op("Cast")(self, dtype=_dt.dtype_name(dt))

    def copyto(self, other):
        if isinstance(other, NDArray):
            if other is self:
                warnings.warn("You are attempting to copy an array to itself", RuntimeWarning)
                return False
            if other.shape != self.shape:
                raise incompatible_attr(0, f"[{','.join(map(str, self.shape))}]",
                                        f"[{','.join(map(str, other.shape))}]", "output")
            arr = self._array
            if other._ctx != self._ctx:
                arr = jax.device_put(arr, other._ctx.jax_device)
            other._assign(arr)
            return other
        if isinstance(other, Context):
            from .._backend import devices as _devices
            dev = _devices.device_for(other.device_type, other.device_id, _devices.COPY)
            arr = jax.device_put(self._array, dev)
            return _wrap(_copy_array(arr), other)
        raise TypeError("copyto does not support type " + str(type(other)))

    def copy(self) -> "NDArray":
        return self.copyto(self._ctx)

    def as_in_context(self, context: Context) -> "NDArray":
        if self._ctx == context:
            return self
        return self.copyto(context)

    as_in_ctx = as_in_context

    def detach(self) -> "NDArray":
        """A handle on the same storage, cut off from the autograd graph."""
        if self._view is not None:
            v = self._view
            nd = v.root._view_of(v.offset, v.shape)
        else:
            nd = _wrap(None, self._ctx)
            # share storage: writes through the detached handle reach this array
            nd._view = _View(self, 0, self.shape)
        return nd

    def tostype(self, stype: str) -> "NDArray":
        if stype == "default":
            return self.copy()
        raise NotImplementedError(f"sparse storage type '{stype}' (tostype) is not supported "
                                  "by mxcompat yet")

    def as_np_ndarray(self):
        raise NotImplementedError("NDArray.as_np_ndarray (the mx.np interface) is not "
                                  "supported by mxcompat yet")

    # -- reshape / views ----------------------------------------------------------
    def reshape(self, *shape, **kwargs) -> "NDArray":
        from ..ops.shape import infer_reshape
        reverse = kwargs.pop("reverse", False)
        if "shape" in kwargs:
            shape = kwargs.pop("shape")
        elif len(shape) == 1 and isinstance(shape[0], (list, tuple)):
            shape = shape[0]
        if kwargs:
            raise TypeError("Got unknown keywords in reshape: " + ", ".join(kwargs)
                            + ". Accepted keyword arguments are 'shape' and 'reverse'.")
        src = self.shape
        new = infer_reshape(src, tuple(shape), reverse)
        size, nsize = int(np.prod(src, dtype=np.int64)), int(np.prod(new, dtype=np.int64))
        if nsize > size:
            raise MXNetError(
                f"NDArray.Reshape: Check failed: shape_.Size() >= shape.Size() ({size} vs. "
                f"{nsize}) : target shape size is larger than the current shape")
        if nsize < size:
            raise ValueError(f"Cannot reshape array of size {size} into shape "
                             f"{tuple(shape)}")
        view = self._view_of(0, new)
        if _view_hook is not None:
            _view_hook(self, view, "Reshape", {"shape": new})
        return view

    def reshape_like(self, other: "NDArray") -> "NDArray":
        return self.reshape(other.shape)

    # -- indexing -------------------------------------------------------------------
    def __getitem__(self, key):
        from . import indexing
        return indexing.getitem(self, key)

    def __setitem__(self, key, value):
        from . import indexing
        indexing.setitem(self, key, value)

    def __iter__(self):
        if self.ndim == 0:
            raise TypeError("iteration over a 0-d array")
        for i in range(self.shape[0]):
            yield self[i]

    # -- arithmetic -----------------------------------------------------------------
    def __neg__(self):
        return _scalar_op("_mul_scalar", self, -1.0)

    def __abs__(self):
        return _op("abs")(self)

    def __add__(self, other):
        return _binary(self, other, "broadcast_add", "_plus_scalar", "_plus_scalar")

    __radd__ = __add__

    def __sub__(self, other):
        return _binary(self, other, "broadcast_sub", "_minus_scalar", None)

    def __rsub__(self, other):
        return _binary(self, other, None, "_rminus_scalar", None)

    def __mul__(self, other):
        return _binary(self, other, "broadcast_mul", "_mul_scalar", None)

    __rmul__ = __mul__

    def __truediv__(self, other):
        return _binary(self, other, "broadcast_div", "_div_scalar", None)

    def __rtruediv__(self, other):
        return _binary(self, other, None, "_rdiv_scalar", None)

    __div__, __rdiv__ = __truediv__, __rtruediv__

    def __mod__(self, other):
        return _binary(self, other, "broadcast_mod", "_mod_scalar", None)

    def __rmod__(self, other):
        return _binary(self, other, None, "_rmod_scalar", None)

    def __pow__(self, other):
        return _binary(self, other, "broadcast_power", "_power_scalar", None)

    def __rpow__(self, other):
        return _binary(self, other, None, "_rpower_scalar", None)

    def __eq__(self, other):
        return _binary(self, other, "broadcast_equal", "_equal_scalar", None)

    def __ne__(self, other):
        return _binary(self, other, "broadcast_not_equal", "_not_equal_scalar", None)

    def __gt__(self, other):
        return _binary(self, other, "broadcast_greater", "_greater_scalar", None)

    def __ge__(self, other):
        return _binary(self, other, "broadcast_greater_equal", "_greater_equal_scalar", None)

    def __lt__(self, other):
        return _binary(self, other, "broadcast_lesser", "_lesser_scalar", None)

    def __le__(self, other):
        return _binary(self, other, "broadcast_lesser_equal", "_lesser_equal_scalar", None)

    def _inplace(self, other, array_op, scalar_op, verb):
        if not self.writable:
            raise ValueError(f"trying to {verb} a readonly NDArray")
        if isinstance(other, NDArray):
            return _invoke(_OPS[array_op], (self, other), {}, out=self)
        if isinstance(other, numeric_types):
            return _invoke(_OPS[scalar_op], (self,), {"scalar": other}, out=self)
        raise TypeError("type %s not supported" % str(type(other)))

    def __iadd__(self, other):
        return self._inplace(other, "broadcast_add", "_plus_scalar", "add to")

    def __isub__(self, other):
        return self._inplace(other, "broadcast_sub", "_minus_scalar", "subtract from")

    def __imul__(self, other):
        return self._inplace(other, "broadcast_mul", "_mul_scalar", "multiply to")

    def __itruediv__(self, other):
        return self._inplace(other, "broadcast_div", "_div_scalar", "divide from")

    __idiv__ = __itruediv__

    def __imod__(self, other):
        return self._inplace(other, "broadcast_mod", "_mod_scalar", "take modulo from")

    # -- misc methods ------------------------------------------------------------
    def broadcast_to(self, shape) -> "NDArray":
        """Broadcast to ``shape``; missing leading axes are added first (the operator
        itself needs equal ranks)."""
        shape = tuple(shape)
        src = self
        if len(shape) > self.ndim:
            src = self.reshape((1,) * (len(shape) - self.ndim) + self.shape)
        return _op("broadcast_to")(src, shape=shape)

    def broadcast_like(self, other: "NDArray") -> "NDArray":
        return _op("broadcast_like")(self, other)

    def zeros_like(self, **kw):
        return _op("zeros_like")(self, **kw)

    def ones_like(self, **kw):
        return _op("ones_like")(self, **kw)

    def flatten(self, inplace: bool = False) -> "NDArray":
        if inplace:
            s = self.shape
            return self.reshape((s[0], -1) if s else (1,))
        return _op("Flatten")(self)

    def expand_dims(self, axis: int, inplace: bool = False) -> "NDArray":
        if inplace:
            s = list(self.shape)
            ax = axis + len(s) + 1 if axis < 0 else axis
            s.insert(ax, 1)
            return self.reshape(s)
        return _op("expand_dims")(self, axis=axis)

    def squeeze(self, axis=None, inplace: bool = False) -> "NDArray":
        if inplace:
            s = self.shape
            if axis is None:
                new = tuple(d for d in s if d != 1) or (1,)
            else:
                axes = (axis,) if isinstance(axis, int) else tuple(axis)
                axes = {a % len(s) for a in axes}
                new = tuple(d for i, d in enumerate(s) if i not in axes) or (1,)
            return self.reshape(new)
        return _op("squeeze")(self, axis=axis)


def _empty_for_unpickle():
    return object.__new__(NDArray)


# Hooks set by autograd: after every in-place write (MXNet's error for graph arrays
# while recording), and after a view is made (a view of a graph array is recorded).
_write_hook = None
_view_hook = None


@jax.jit
def _copy_array(a):
    return a + jnp.zeros((), a.dtype) if a.dtype != jnp.bool_ else a | False


# --------------------------------------------------------------------------- dispatch glue


def _op(name):
    """The generated ``mx.nd`` function of a registry operator."""
    from . import _frontend
    return _frontend.function_for(name)


def _invoke(op, inputs, kwargs, out=None):
    """The eager dispatcher. ``_invoke.py`` imports this module, so the first call binds
    the module-level name to the real ``invoke`` (later calls go straight to it)."""
    global _invoke
    from ._invoke import invoke
    _invoke = invoke
    return invoke(op, inputs, kwargs, out=out)


def _scalar_op(name, x, scalar):
    return _invoke(_OPS[name], (x,), {"scalar": scalar})


def _binary(lhs, rhs, array_op, scalar_op, rscalar_op):
    if isinstance(rhs, NDArray):
        return _invoke(_OPS[array_op], (lhs, rhs), {})
    if isinstance(rhs, numeric_types):
        return _invoke(_OPS[scalar_op], (lhs,), {"scalar": rhs})
    raise TypeError("type %s not supported" % str(type(rhs)))


# --------------------------------------------------------------------------- creation
def _resolve_ctx(ctx) -> Context:
    if ctx is None:
        return current_context()
    if isinstance(ctx, str):  # "cpu(0)" style strings are not accepted by MXNet either
        return Context(ctx)
    return ctx


def array(source_array, ctx: Context | None = None, dtype=None) -> NDArray:
    """A new NDArray from array-like data (float32 unless ``dtype`` says otherwise;
    an NDArray source keeps its dtype)."""
    ctx = _resolve_ctx(ctx)
    if isinstance(source_array, NDArray):
        dt = _dt.to_dtype(dtype, default=source_array._dtype)
        arr = source_array._array
        if arr.dtype != dt:
            arr = arr.astype(dt)
        return _wrap(jax.device_put(arr, ctx.jax_device), ctx) \
            if source_array._ctx != ctx else _wrap(_copy_array(arr), ctx)
    if isinstance(source_array, (list, tuple)) and _contains_ndarray(source_array):
        raise TypeError("source_array must be array like object")
    dt = _dt.to_dtype(dtype)
    try:
        host = np.asarray(source_array, dtype=dt)
    except (TypeError, ValueError):
        raise TypeError("source_array must be array like object") from None
    return _wrap(jax.device_put(host, ctx.jax_device), ctx)


def _contains_ndarray(seq) -> bool:
    for x in seq:
        if isinstance(x, NDArray):
            return True
        if isinstance(x, (list, tuple)) and _contains_ndarray(x):
            return True
    return False


def empty(shape, ctx: Context | None = None, dtype=None, stype=None) -> NDArray:
    """An uninitialised array (zero-filled here)."""
    if stype not in (None, "default"):
        raise NotImplementedError(f"sparse storage type '{stype}' is not supported by "
                                  "mxcompat yet")
    ctx = _resolve_ctx(ctx)
    shape = (shape,) if isinstance(shape, (int, np.integer)) else tuple(shape)
    dt = _dt.to_dtype(dtype)
    return _wrap(jax.device_put(np.zeros(shape, dt), ctx.jax_device), ctx)


def waitall() -> None:
    """Wait for all pending work (JAX dispatch is asynchronous)."""
    _deferred.flush_all()
    (jax.device_put(0.0) + 0).block_until_ready()
    try:
        jax.effects_barrier()
    except Exception:
        pass
