"""``mx.sym`` / ``mx.symbol``: symbolic graphs over the one operator registry."""
from __future__ import annotations

import numbers as _numbers
import sys as _sys
import types as _types

import numpy as _np

from .. import ops as _ops  # noqa: F401  (registers the operators)
from ..ndarray._frontend import SUBMODULE_PREFIXES as _PREFIXES
from ..ops.registry import REGISTRY as _REGISTRY
from . import _frontend
from .executor import Executor
from .json_io import load, load_json
from .symbol import Group, NotImplementedForSymbol, Symbol, Variable, create, var

_top = {}
for _name in _REGISTRY:
    _top[_name] = _frontend.function_for(_name)
    if not _name.startswith("_") and _name not in globals():
        globals()[_name] = _top[_name]

_internal = _types.ModuleType(__name__ + "._internal", "Internal operators (names with _).")
for _name, _fn in _top.items():
    if _name.startswith("_"):
        setattr(_internal, _name, _fn)
op = _types.ModuleType(__name__ + ".op", "Every operator as a function.")
for _name, _fn in _top.items():
    setattr(op, _name, _fn)
_sys.modules[_internal.__name__] = _internal
_sys.modules[op.__name__] = op


def _submodule(short: str) -> _types.ModuleType:
    full = f"{__name__}.{short}"
    mod = _sys.modules.get(full)
    if mod is None:
        mod = _types.ModuleType(full, f"mx.sym.{short} operators.")
        _sys.modules[full] = mod
    globals()[short] = mod
    return mod


for _name in _REGISTRY:
    for _prefix, _sub in _PREFIXES.items():
        if _name.startswith(_prefix):
            if _sub != "random":
                _short = _name[len(_prefix):]
                setattr(_submodule(_sub), _short,
                        _frontend.function_for(_name, _short))
            break

from . import random  # noqa: E402  (mx.sym.random: written by hand)

_sys.modules[__name__ + ".random"] = random


# ------------------------------------------------------------------- creation helpers
def _dtype(dtype) -> str:
    return _np.dtype(_np.float32 if dtype is None else dtype).name


def zeros(shape, dtype=None, **kwargs) -> Symbol:
    """A symbol of zeros of ``shape``."""
    name = kwargs.pop("name", None)
    return create("_zeros", [], dict(kwargs, shape=shape, dtype=_dtype(dtype)), name=name,
                  hint="_zeros")


def ones(shape, dtype=None, **kwargs) -> Symbol:
    """A symbol of ones of ``shape``."""
    name = kwargs.pop("name", None)
    return create("_ones", [], dict(kwargs, shape=shape, dtype=_dtype(dtype)), name=name,
                  hint="_ones")


def full(shape, val, dtype=None, **kwargs) -> Symbol:
    """A symbol of ``shape`` filled with ``val``."""
    name = kwargs.pop("name", None)
    return create("_full", [], dict(kwargs, shape=shape, dtype=_dtype(dtype),
                                    value=float(val)), name=name, hint="_full")


def arange(start, stop=None, step=1.0, repeat=1, infer_range=False, name=None,
           dtype=None) -> Symbol:
    """Evenly spaced values in [start, stop)."""
    return create("_arange", [], dict(start=start, stop=stop, step=step, repeat=repeat,
                                      infer_range=infer_range, dtype=_dtype(dtype)),
                  name=name, hint="_arange")


def linspace(start, stop, num, endpoint=True, name=None, dtype=None) -> Symbol:
    return create("_linspace", [], dict(start=start, stop=stop, num=num, endpoint=endpoint,
                                        dtype=_dtype(dtype)), name=name, hint="_linspace")


def eye(N, M=0, k=0, dtype=None, **kwargs) -> Symbol:
    name = kwargs.pop("name", None)
    return create("_eye", [], dict(kwargs, N=N, M=M, k=k, dtype=_dtype(dtype)), name=name,
                  hint="_eye")


def _binary_fn(base, scalar_op, rscalar_op, py_fn, name):
    def fn(left, right):
        if isinstance(left, Symbol) and isinstance(right, Symbol):
            return create(base, [left, right], {}, hint=base)
        if isinstance(left, Symbol) and isinstance(right, _numbers.Number):
            return create(scalar_op, [left], {"scalar": right},
                          hint=scalar_op.replace("_scalar", "scalar"))
        if isinstance(left, _numbers.Number) and isinstance(right, Symbol):
            return create(rscalar_op, [right], {"scalar": left},
                          hint=rscalar_op.replace("_scalar", "scalar"))
        if isinstance(left, _numbers.Number) and isinstance(right, _numbers.Number):
            return py_fn(left, right)
        raise TypeError(f"types ({type(left)}, {type(right)}) not supported")
    fn.__name__ = name
    return fn


pow = _binary_fn("_power", "_power_scalar", "_rpower_scalar", lambda a, b: a ** b, "pow")
power = pow
maximum = _binary_fn("_maximum", "_maximum_scalar", "_maximum_scalar",
                     lambda a, b: a if a > b else b, "maximum")
minimum = _binary_fn("_minimum", "_minimum_scalar", "_minimum_scalar",
                     lambda a, b: a if a < b else b, "minimum")
hypot = _binary_fn("_hypot", "_hypot_scalar", "_hypot_scalar",
                   lambda a, b: (a * a + b * b) ** 0.5, "hypot")


# ------------------------------------------------------------------- fluent methods
_FLUENT = (
    "reshape", "reshape_like", "zeros_like", "ones_like", "broadcast_axes", "repeat", "pad",
    "swapaxes", "split", "slice", "slice_axis", "slice_like", "take", "one_hot", "pick",
    "sort", "topk", "argsort", "argmax", "argmax_channel", "argmin", "clip", "abs", "sign",
    "flatten", "shape_array", "size_array", "expand_dims", "broadcast_to", "broadcast_like",
    "tile", "transpose", "flip", "depth_to_space", "space_to_depth", "diag", "sum", "nansum",
    "prod", "nanprod", "mean", "max", "min", "norm", "round", "rint", "fix", "floor", "ceil",
    "trunc", "sin", "cos", "tan", "arcsin", "arccos", "arctan", "degrees", "radians", "sinh",
    "cosh", "tanh", "arcsinh", "arccosh", "arctanh", "exp", "expm1", "log", "log10", "log2",
    "log1p", "sqrt", "rsqrt", "cbrt", "rcbrt", "square", "reciprocal", "relu", "sigmoid",
    "softmax", "log_softmax", "softmin", "squeeze")


from ..ndarray._frontend import add_fluent_methods as _add_fluent  # noqa: E402
_add_fluent(Symbol, _FLUENT, _top)

__all__ = ["Symbol", "Variable", "var", "Group", "load", "load_json", "zeros", "ones",
           "full", "arange", "linspace", "eye", "pow", "power", "maximum", "minimum",
           "hypot", "Executor", "NotImplementedForSymbol"] + sorted(
    n for n in _top if not n.startswith("_"))


def Custom(*args, **kwargs):  # noqa: N802  (MXNet's name)
    """Custom operators in Symbol graphs are not supported yet."""
    raise NotImplementedError("mx.sym.Custom (custom operators in Symbol graphs / Module) "
                              "is not supported by mxcompat yet")
