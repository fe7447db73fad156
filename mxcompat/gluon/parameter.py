"""Gluon parameters: ``Parameter``, ``Constant`` and ``ParameterDict``.

A Parameter holds one copy of its value per context (an NDArray marked for autograd, so
``backward`` writes its gradient buffer) and can defer its initialisation until the first
forward pass tells it the unknown dimensions (shape entries of 0).

Inside a hybridized block's trace, ``data()`` returns the traced value the compiled
function received for this parameter (see ``_hybrid.py``), so ``hybrid_forward`` and any
code that reads ``param.data()`` work unchanged on tracers.
"""
from __future__ import annotations

import threading
import warnings
from collections import OrderedDict
from typing import Any, Iterable

import numpy as np

from .. import autograd
from .. import initializer as _init
from .. import ndarray as nd
from ..context import Context, cpu, current_context
from ..ndarray.ndarray import NDArray, _wrap

__all__ = ["Parameter", "Constant", "ParameterDict", "DeferredInitializationError",
           "tensor_types"]

tensor_types = (NDArray,)

_trace = threading.local()   # .values: {id(Parameter): traced NDArray} while tracing


class DeferredInitializationError(RuntimeError):
    """A parameter's data was requested before its deferred initialisation happened."""


def traced_values() -> dict | None:
    return getattr(_trace, "values", None)


def set_traced_values(values: dict | None) -> dict | None:
    old = getattr(_trace, "values", None)
    _trace.values = values
    return old


def _shape_known(shape) -> bool:
    return shape is not None and all(int(d) > 0 for d in shape)


def _as_ctx_list(ctx) -> list:
    if ctx is None:
        return [current_context()]
    if isinstance(ctx, Context):
        return [ctx]
    return list(ctx)


class Parameter:
    """A learnable value of a Block (one NDArray per context)."""

    def __init__(self, name: str, grad_req: str = "write", shape=None, dtype=np.float32,
                 lr_mult: float = 1.0, wd_mult: float = 1.0, init=None,
                 allow_deferred_init: bool = False, differentiable: bool = True,
                 stype: str = "default", grad_stype: str = "default"):
        self._var = None
        self._data: list | None = None
        self._grad: list | None = None
        self._ctx_list: list | None = None
        self._ctx_map: dict | None = None
        self._deferred_init: tuple = ()
        self._differentiable = differentiable
        self._allow_deferred_init = allow_deferred_init
        self._grad_req = None
        if isinstance(shape, int):
            shape = (shape,)
        self._shape = shape      # kept as given (a list stays a list, as in MXNet)
        self.name = name
        self._dtype = dtype
        self.lr_mult = lr_mult
        self.wd_mult = wd_mult
        self.grad_req = grad_req
        self.init = init
        for what, st in (("stype", stype), ("grad_stype", grad_stype)):
            if st not in ("default", "row_sparse", "csr"):
                raise AssertionError(f"{what} for Parameter '{name}' must be one of "
                                     f"'default', 'row_sparse', or 'csr', but got '{st}'")
        if stype != "default" or grad_stype != "default":
            raise NotImplementedError("sparse Parameters (stype/grad_stype other than "
                                      "'default') are not supported by mxcompat")
        self._stype = stype
        self._grad_stype = grad_stype

    def __repr__(self) -> str:
        return f"Parameter {self.name} (shape={self.shape}, dtype={self.dtype})"

    # ------------------------------------------------------------------ attributes
    @property
    def grad_req(self) -> str:
        return self._grad_req

    @grad_req.setter
    def grad_req(self, req: str) -> None:
        assert req in ("write", "add", "null"), \
            "grad_req must be one of 'write', 'add', or 'null', but got '%s'" % req
        if not self._differentiable:
            req = "null"
        if self._grad_req == req:
            return
        self._grad_req = req
        if req == "null" and self._grad is not None:
            self._grad = None
            # new handles on the same values, cut off from autograd (plain arrays, not
            # views: parameters are read on every forward)
            self._data = [_wrap(d._array, d._ctx) for d in self._data]
        elif self._data is not None:
            self._init_grad()

    @property
    def dtype(self):
        return self._dtype

    @dtype.setter
    def dtype(self, dtype) -> None:
        self.cast(dtype)

    @property
    def shape(self):
        return self._shape

    @shape.setter
    def shape(self, new_shape) -> None:
        if self._shape is None:
            self._shape = new_shape
            return
        ok = len(self._shape) == len(new_shape) and all(
            j in (-1, 0, i) for i, j in zip(new_shape, self._shape))
        assert ok, "Expected shape %s is incompatible with given shape %s." % (
            str(new_shape), str(self._shape))
        self._shape = new_shape

    # ------------------------------------------------------------------ initialisation
    def initialize(self, init=None, ctx=None, default_init=None,
                   force_reinit: bool = False) -> None:
        """Create the value on ``ctx`` (a context or a list); defer if the shape is unknown."""
        if default_init is None:
            default_init = _init.Uniform()
        if self._data is not None and not force_reinit:
            warnings.warn("Parameter '%s' is already initialized, ignoring. Set "
                          "force_reinit=True to re-initialize." % self.name, stacklevel=2)
            return
        self._data = self._grad = None
        ctx = _as_ctx_list(ctx)
        if init is None:
            init = default_init if self.init is None else self.init
        if not _shape_known(self.shape):
            if self._allow_deferred_init:
                self._deferred_init = (init, ctx, default_init, None)
                return
            raise ValueError("Cannot initialize Parameter '%s' because it has invalid "
                             "shape: %s." % (self.name, str(self.shape)))
        self._deferred_init = (init, ctx, default_init, None)
        self._finish_deferred_init()

    def _finish_deferred_init(self) -> None:
        """Initialise now that the shape is known (called after shape inference)."""
        if not self._deferred_init:
            return
        init, ctx, default_init, data = self._deferred_init
        self._deferred_init = ()
        assert _shape_known(self.shape), (
            "Cannot initialize Parameter '%s' because it has invalid shape: %s. Please "
            "specify in_units, in_channels, etc for `Block`s." % (self.name, str(self.shape)))
        with autograd.pause():
            if data is None:
                data = nd.zeros(self.shape, dtype=self.dtype, ctx=cpu())
                _init.create(default_init)(_init.InitDesc(self.name, {"__init__": init}), data)
            self._init_impl(data, ctx)

    def _init_impl(self, data: NDArray, ctx_list: list) -> None:
        self._ctx_list = list(ctx_list)
        self._ctx_map = {(c.device_type, c.device_id): i for i, c in enumerate(self._ctx_list)}
        self._data = [data.copyto(c) for c in self._ctx_list]
        self._init_grad()

    def _init_grad(self) -> None:
        if self.grad_req == "null":
            self._grad = None
            return
        self._grad = [nd.zeros(d.shape, ctx=d.context, dtype=d.dtype) for d in self._data]
        autograd.mark_variables(self._data, self._grad, self.grad_req)

    def _load_init(self, data: NDArray, ctx, cast_dtype: bool = False,
                   dtype_source: str = "current") -> None:
        """Set the value from a loaded array (checks shape and dtype as MXNet)."""
        if cast_dtype:
            assert dtype_source in ("current", "saved")
        if self.shape:
            unknown = -1
            for self_dim, data_dim in zip(self.shape, data.shape):
                assert self_dim in (unknown, 0, data_dim), (
                    "Failed loading Parameter '%s' from saved params: shape incompatible "
                    "expected %s vs saved %s" % (self.name, str(self.shape), str(data.shape)))
            self.shape = tuple(i if i not in (0, unknown) else j
                               for i, j in zip(self.shape, data.shape))
        if self.dtype:
            if cast_dtype and np.dtype(self.dtype).type != data.dtype:
                if dtype_source == "current":
                    data = data.astype(self.dtype, copy=False)
                else:
                    self.dtype = data.dtype
            else:
                assert np.dtype(self.dtype).type == data.dtype, (
                    "Failed loading Parameter '%s' from saved params: dtype incompatible "
                    "expected %s vs saved %s. Set cast_dtype=True to cast the dtype of saved "
                    "params." % (self.name, str(self.dtype), str(data.dtype)))
        if isinstance(ctx, Context):
            ctx = [ctx]
        if self._data is None:
            if self._deferred_init:
                assert ctx is None or set(ctx) == set(self._deferred_init[1]), (
                    "Failed to load Parameter '%s' on %s because it was previous "
                    "initialized on %s." % (self.name, str(ctx), str(self.list_ctx())))
                ctx = self._deferred_init[1]
            elif ctx is None:
                ctx = [cpu()]
            self._init_impl(data, ctx)
        else:
            assert ctx is None or set(ctx) == set(self.list_ctx()), (
                "Failed to load Parameter '%s' on %s because it was previous "
                "initialized on %s." % (self.name, str(ctx), str(self.list_ctx())))
            self.set_data(data)
        self._deferred_init = ()

    # ------------------------------------------------------------------ access
    def _check_and_get(self, arr_list, ctx):
        if arr_list is not None:
            if ctx is list:
                return arr_list
            if ctx is None:
                if len(arr_list) == 1:
                    return arr_list[0]
                ctx = current_context()
            idx = self._ctx_map.get((ctx.device_type, ctx.device_id))
            if idx is not None:
                return arr_list[idx]
            raise RuntimeError(
                "Parameter '%s' was not initialized on context %s. It was only initialized "
                "on %s." % (self.name, str(ctx), str(self._ctx_list)))
        if self._deferred_init:
            raise DeferredInitializationError(
                "Parameter '%s' has not been initialized yet because initialization was "
                "deferred. Actual initialization happens during the first forward pass. "
                "Please pass one batch of data through the network before accessing "
                "Parameters. You can also avoid deferred initialization by specifying "
                "in_units, num_features, etc., for network layers." % self.name)
        raise RuntimeError(
            "Parameter '%s' has not been initialized. Note that you should initialize "
            "parameters and create Trainer with Block.collect_params() instead of "
            "Block.params because the later does not include Parameters of nested child "
            "Blocks" % self.name)

    def data(self, ctx: Context | None = None) -> NDArray:
        """The value on ``ctx`` (the only context, or the current one, by default)."""
        traced = getattr(_trace, "values", None)
        if traced is not None:
            v = traced.get(id(self))
            if v is not None:
                return v
        return self._check_and_get(self._data, ctx)

    def list_data(self) -> list:
        return self._check_and_get(self._data, list)

    def grad(self, ctx: Context | None = None) -> NDArray:
        if self._data is not None and self._grad is None:
            raise RuntimeError("Cannot get gradient array for Parameter '%s' because "
                               "grad_req='null'" % self.name)
        return self._check_and_get(self._grad, ctx)

    def list_grad(self) -> list:
        if self._data is not None and self._grad is None:
            raise RuntimeError("Cannot get gradient array for Parameter '%s' because "
                               "grad_req='null'" % self.name)
        return self._check_and_get(self._grad, list)

    def list_ctx(self) -> list:
        if self._data is None:
            if self._deferred_init:
                return self._deferred_init[1]
            raise RuntimeError("Parameter '%s' has not been initialized" % self.name)
        return self._ctx_list

    def row_sparse_data(self, row_id):
        raise NotImplementedError("Parameter.row_sparse_data (sparse parameters) is not "
                                  "supported by mxcompat")

    def list_row_sparse_data(self, row_id):
        raise NotImplementedError("Parameter.list_row_sparse_data (sparse parameters) is "
                                  "not supported by mxcompat")

    def set_data(self, data) -> None:
        """Write ``data`` into every copy (or keep it for a deferred initialisation)."""
        self.shape = data.shape
        if self._data is None:
            assert self._deferred_init, "Parameter '%s' has not been initialized" % self.name
            self._deferred_init = self._deferred_init[:3] + (data,)
            return
        for arr in self._data:
            arr._set(_values_of(data, arr))

    def zero_grad(self) -> None:
        if self._grad is None:
            return
        for g in self._grad:
            g._set(_zeros_like(g))

    def _reduce(self) -> NDArray:
        """The value as one array on the CPU (the mean over contexts)."""
        block = self.list_data()
        if len(block) == 1:
            return block[0].copyto(cpu())
        total = block[0].copyto(cpu())
        for d in block[1:]:
            total = total + d.copyto(cpu())
        return total / len(block)

    def reset_ctx(self, ctx) -> None:
        """Move the value to other contexts."""
        ctx = _as_ctx_list(ctx)
        if self._data:
            data = self._reduce()
            with autograd.pause():
                self._init_impl(data, ctx)
        elif self._deferred_init:
            init, _, default_init, data = self._deferred_init
            self._deferred_init = (init, ctx, default_init, data)
        else:
            raise ValueError("Cannot reset context for Parameter '%s' because it has not "
                             "been initialized." % self.name)

    def cast(self, dtype) -> None:
        """Change the dtype of the value and the gradient."""
        self._dtype = dtype
        if self._data is None:
            return
        with autograd.pause():
            self._data = [d.astype(dtype) for d in self._data]
            if self._grad is None:
                return
            self._grad = [g.astype(dtype) for g in self._grad]
            autograd.mark_variables(self._data, self._grad, self.grad_req)

    def var(self):
        """The Symbol variable of this parameter."""
        if self._var is None:
            from .. import symbol
            self._var = symbol.var(self.name, shape=self.shape, dtype=self.dtype,
                                   lr_mult=self.lr_mult, wd_mult=self.wd_mult,
                                   init=self.init, stype=self._stype)
        return self._var


def _values_of(data, like: NDArray):
    import jax.numpy as jnp
    arr = data._array if isinstance(data, NDArray) else jnp.asarray(np.asarray(data))
    arr = arr.astype(like._dtype)
    if arr.shape != like.shape:
        arr = jnp.broadcast_to(arr, like.shape)
    import jax
    dev = like._array.devices() if hasattr(like._array, "devices") else None
    if dev:
        arr = jax.device_put(arr, next(iter(dev)))
    return arr


def _zeros_like(g: NDArray):
    import jax.numpy as jnp
    return jnp.zeros_like(g._array)


class Constant(Parameter):
    """A parameter that never changes (grad_req 'null'), initialised to ``value``."""

    def __init__(self, name: str, value):
        if not isinstance(value, NDArray):
            value = nd.array(value)
        self.value = value

        class _ConstInit(_init.Initializer):
            def _init_weight(inner, _, arr):  # noqa: N805
                value.copyto(arr)

        init_name = "Constant_{}_{}".format(name, id(self))
        _init.alias(init_name)(_ConstInit)
        super().__init__(name, grad_req="null", shape=value.shape, dtype=value.dtype,
                         init=init_name)

    def __repr__(self) -> str:
        return f"Constant {self.name} (shape={self.shape}, dtype={self.dtype})"

    @property
    def grad_req(self) -> str:
        return "null"

    @grad_req.setter
    def grad_req(self, req: str) -> None:
        if req != "null":
            warnings.warn("Constant parameter \"{}\" does not support grad_req other than "
                          "\"null\", and new value \"{}\" is ignored.".format(self.name, req))
        self._grad_req = "null"


class ParameterDict:
    """An ordered name -> Parameter mapping with a shared name prefix."""

    def __init__(self, prefix: str = "", shared: "ParameterDict | None" = None):
        self._prefix = prefix
        self._params: "OrderedDict[str, Parameter]" = OrderedDict()
        self._shared = shared

    def __repr__(self) -> str:
        name = self._prefix + " " if self._prefix else ""
        body = "\n".join("  " + repr(v) for v in self.values())
        return "{name}(\n{content}\n)".format(name=name, content=body)

    def __getitem__(self, key: str) -> Parameter:
        return self._params[key]

    def __iter__(self):
        return iter(self._params)

    def __len__(self) -> int:
        return len(self._params)

    def __contains__(self, key) -> bool:
        return key in self._params

    def items(self):
        return self._params.items()

    def keys(self):
        return self._params.keys()

    def values(self):
        return self._params.values()

    @property
    def prefix(self) -> str:
        return self._prefix

    def _get_impl(self, name: str):
        if name in self._params:
            return self._params[name]
        if self._shared is not None and name in self._shared._params:
            self._params[name] = self._shared._params[name]
            return self._shared._params[name]
        return None

    def get(self, name: str, **kwargs: Any) -> Parameter:
        """The parameter ``prefix + name``, created with ``kwargs`` if new."""
        name = self._prefix + name
        param = self._get_impl(name)
        if param is None:
            param = Parameter(name, **kwargs)
            self._params[name] = param
            return param
        for k, v in kwargs.items():
            if hasattr(param, k) and getattr(param, k) is not None:
                existing = getattr(param, k)
                if k == "shape" and v is not None and len(v) == len(existing):
                    merged, ok = [], True
                    for a, b in zip(v, existing):   # unknown dims (0, -1) take the other
                        if a != b and a > 0 and b > 0:
                            ok = False
                            break
                        merged.append(b if a in (0, -1) else a)
                    if ok:
                        param._shape = tuple(merged)
                        continue
                elif k == "dtype" and v is not None and np.dtype(v) == np.dtype(existing):
                    continue
                assert v is None or v == existing, (
                    "Cannot retrieve Parameter '%s' because desired attribute does not match "
                    "with stored for attribute '%s': desired '%s' vs stored '%s'."
                    % (name, k, str(v), str(getattr(param, k))))
            else:
                setattr(param, k, v)
        return param

    def get_constant(self, name: str, value=None) -> Constant:
        """The constant ``prefix + name`` (created from ``value`` if new)."""
        name = self._prefix + name
        param = self._get_impl(name)
        if param is None:
            if value is None:
                raise KeyError("No constant named '{}'. Please specify value if you want to "
                               "create a new constant.".format(name))
            param = Constant(name, value)
            self._params[name] = param
        elif value is not None:
            assert isinstance(param, Constant), (
                "Parameter '{}' already exists but it is not a constant.".format(name))
            if isinstance(value, NDArray):
                value = value.asnumpy()
            assert param.shape == value.shape and (param.value.asnumpy() == value).all(), (
                "Constant '{}' already exists but it's value doesn't match new "
                "value".format(name))
        return param

    def update(self, other: "ParameterDict") -> None:
        """Add the parameters of ``other`` (same name must mean the same object)."""
        for k, v in other.items():
            if k in self._params:
                assert self._params[k] is v, (
                    "Cannot update self with other because they have different Parameters "
                    "with the same name '%s'" % k)
        for k, v in other.items():
            self._params[k] = v

    def initialize(self, init=None, ctx=None, verbose: bool = False,
                   force_reinit: bool = False) -> None:
        """Initialise every parameter (``init`` is the default for those without their own)."""
        if init is None:
            init = _init.Uniform()
        if verbose:
            init.set_verbosity(verbose=verbose)
        for v in self.values():
            v.initialize(None, ctx, init, force_reinit=force_reinit)

    def zero_grad(self) -> None:
        for v in self.values():
            v.zero_grad()

    def reset_ctx(self, ctx) -> None:
        for v in self.values():
            v.reset_ctx(ctx)

    def list_ctx(self) -> list:
        s = []
        for v in self.values():
            for c in v.list_ctx():
                if c not in s:
                    s.append(c)
        return s

    def setattr(self, name: str, value) -> None:
        """Set an attribute (``grad_req``, ``lr_mult``...) on every parameter."""
        for v in self.values():
            setattr(v, name, value)

    def save(self, filename: str, strip_prefix: str = "") -> None:
        arg_dict = {}
        for param in self.values():
            weight = param._reduce()
            if not param.name.startswith(strip_prefix):
                raise ValueError(
                    "Prefix '%s' is to be striped before saving, but Parameter's name '%s' "
                    "does not start with '%s'. this may be due to your Block shares "
                    "parameters from other Blocks or you forgot to use "
                    "'with name_scope()' when creating child blocks. For more info on naming, "
                    "please see https://mxnet.io/api/python/docs/tutorials/packages/gluon/"
                    "blocks/naming.html" % (strip_prefix, param.name, strip_prefix))
            arg_dict[param.name[len(strip_prefix):]] = weight
        nd.save(filename, arg_dict)

    def load(self, filename: str, ctx=None, allow_missing: bool = False,
             ignore_extra: bool = False, restore_prefix: str = "",
             cast_dtype: bool = False, dtype_source: str = "current") -> None:
        if restore_prefix:
            for name in self.keys():
                assert name.startswith(restore_prefix), (
                    "restore_prefix is '%s' but Parameters name '%s' does not start with "
                    "'%s'" % (restore_prefix, name, restore_prefix))
        ndarray_load = nd.load(filename)
        self.load_dict(ndarray_load, ctx, allow_missing, ignore_extra, restore_prefix,
                       filename, cast_dtype, dtype_source)

    def load_dict(self, param_dict: dict, ctx=None, allow_missing: bool = False,
                  ignore_extra: bool = False, restore_prefix: str = "", filename=None,
                  cast_dtype: bool = False, dtype_source: str = "current") -> None:
        lprefix = len(restore_prefix)
        loaded = [(k[4:] if k.startswith("arg:") or k.startswith("aux:") else k, v)
                  for k, v in param_dict.items()] if isinstance(param_dict, dict) else param_dict
        arg_dict = {restore_prefix + k: v for k, v in loaded}
        error_str = "file: %s" % filename if filename else "param_dict"
        if not allow_missing:
            for name in self.keys():
                assert name in arg_dict, (
                    "Parameter '%s' is missing in %s, which contains parameters: %s. Please "
                    "make sure source and target networks have the same prefix."
                    "For more info on naming, please see https://mxnet.io/api/python/docs/"
                    "tutorials/packages/gluon/blocks/naming.html"
                    % (name[lprefix:], error_str, _brief_print_list(arg_dict.keys())))
        for name in arg_dict:
            if name not in self._params:
                assert ignore_extra, (
                    "Parameter '%s' loaded from %s is not present in ParameterDict, choices "
                    "are: %s. Set ignore_extra to True to ignore. Please make sure source and "
                    "target networks have the same prefix.For more info on naming, please see "
                    "https://mxnet.io/api/python/docs/tutorials/packages/gluon/blocks/"
                    "naming.html" % (name[lprefix:], error_str,
                                     _brief_print_list(self._params.keys())))
                continue
            self[name]._load_init(arg_dict[name], ctx, cast_dtype=cast_dtype,
                                  dtype_source=dtype_source)


def _brief_print_list(lst: Iterable, limit: int = 7) -> str:
    """'a', 'b', ..., 'z' — MXNet's abbreviated listing of names."""
    lst = list(lst)
    if len(lst) > limit:
        return _brief_print_list(lst[:limit // 2], limit) + ", ..., " + \
            _brief_print_list(lst[-limit // 2:], limit)
    return ", ".join(["'%s'" % str(i) for i in lst])
