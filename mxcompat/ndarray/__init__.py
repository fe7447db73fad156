"""``mx.nd``: NDArray and every registry operator as an eager function."""
from __future__ import annotations

import types as _types

from .. import ops as _ops  # noqa: F401  (registers the operators)
from . import _frontend
from .ndarray import NDArray, array, empty, waitall
from .functions import *  # noqa: F401,F403
from .functions import __all__ as _fn_all
from .serialization import load, load_frombuffer, save

_top, _subs = _frontend.namespace_entries()
for _name, _fn in _top.items():
    # operators named with a leading underscore live in nd._internal only, as in MXNet
    if _name not in globals() and not _name.startswith("_"):
        globals()[_name] = _fn

_internal = _types.ModuleType(__name__ + "._internal", "Internal operators (names with _).")
for _name, _fn in _top.items():
    if _name.startswith("_"):
        setattr(_internal, _name, _fn)
op = _types.ModuleType(__name__ + ".op", "Every operator as a function.")
for _name, _fn in _top.items():
    setattr(op, _name, _fn)


def _submodule(short: str) -> _types.ModuleType:
    import sys
    full = f"{__name__}.{short}"
    mod = sys.modules.get(full)
    if mod is None:
        mod = _types.ModuleType(full, f"mx.nd.{short} operators.")
        sys.modules[full] = mod
    globals()[short] = mod
    return mod


def _fill_submodules() -> None:
    for sub, entries in _subs.items():
        if sub == "random":
            continue  # mx.nd.random is written by hand (ndarray/random.py)
        m = _submodule(sub)
        for short, fn in entries.items():
            setattr(m, short, fn)


_fill_submodules()
from . import contrib_flow as _contrib_flow  # noqa: E402
_contrib_flow.install(_submodule("contrib"))

# Fluent methods: x.sum(...) is nd.sum(x, ...).
_FLUENT = (
    "sum", "mean", "max", "min", "prod", "nansum", "nanprod", "norm", "argmax", "argmin",
    "argmax_channel", "clip", "transpose", "swapaxes", "tile", "repeat", "flip", "split",
    "slice", "slice_axis", "slice_like", "take", "one_hot", "pick", "topk", "sort",
    "argsort", "exp", "expm1", "log", "log10", "log2", "log1p", "sqrt", "rsqrt", "cbrt",
    "rcbrt", "square", "reciprocal", "relu", "sigmoid", "softmax", "log_softmax", "softmin",
    "sin", "cos", "tan", "arcsin", "arccos", "arctan", "sinh", "cosh", "tanh", "arcsinh",
    "arccosh", "arctanh", "degrees", "radians", "abs", "sign", "round", "rint", "fix",
    "floor", "ceil", "trunc", "diag", "pad", "depth_to_space", "space_to_depth",
    "broadcast_axes", "shape_array", "size_array", "reshape_like", "where")


_frontend.add_fluent_methods(NDArray, _FLUENT, _top)

__all__ = ["NDArray", "array", "empty", "waitall", "save", "load", "load_frombuffer"] + list(_fn_all) + sorted(
    n for n in _top if not n.startswith("_"))

from . import random  # noqa: E402,F401  (mx.nd.random: the sampling front ends)


def Custom(*args, **kwargs):  # noqa: N802  (MXNet's name)
    """Run a custom operator registered with ``mx.operator.register``."""
    from ..operator import Custom as _custom
    return _custom(*args, **kwargs)
