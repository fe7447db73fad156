"""``mx.util``: NumPy-semantics flags (``mx.np`` is not supported) and small helpers."""
from __future__ import annotations

import functools
import os

__all__ = ["is_np_array", "is_np_shape", "set_np_shape", "set_np", "reset_np", "use_np_shape",
           "use_np_array", "use_np", "np_shape", "np_array", "getenv", "setenv",
           "get_gpu_count", "get_gpu_memory", "set_module", "wraps_safely"]

_NO_NP = ("NumPy semantics (mx.np / npx.set_np, {what}) are not supported by mxcompat")


def _refuse(what: str):
    raise NotImplementedError(_NO_NP.format(what=what))


def is_np_array() -> bool:
    """Always False: ``mx.np`` arrays are not supported."""
    return False


def is_np_shape() -> bool:
    """Always False: NumPy shape semantics are not supported."""
    return False


def set_np_shape(active: bool) -> bool:
    """Turning NumPy shapes off is a no-op (returns False); turning them on is refused."""
    if active:
        _refuse("set_np_shape(True)")
    return False


def set_np(shape: bool = True, array: bool = True, dtype: bool = False) -> None:
    if shape or array or dtype:
        _refuse("set_np")


def reset_np() -> None:
    """Nothing to reset: NumPy semantics are never on."""


class _NpScope:
    def __init__(self, active: bool, what: str):
        if active:
            _refuse(what)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False


def np_shape(active: bool = True) -> _NpScope:
    return _NpScope(active, "np_shape")


def np_array(active: bool = True) -> _NpScope:
    return _NpScope(active, "np_array")


def use_np_shape(func):
    """Decorator that would enable NumPy shapes: refused."""
    _refuse("use_np_shape")


def use_np_array(func):
    _refuse("use_np_array")


def use_np(func):
    _refuse("use_np")


def getenv(name: str):
    """The value of environment variable ``name`` (None when unset)."""
    return os.environ.get(name)


def setenv(name: str, value) -> None:
    """Set (or, with None, unset) environment variable ``name``."""
    if value is None:
        os.environ.pop(name, None)
    else:
        os.environ[name] = str(value)


def get_gpu_count() -> int:
    import jax
    try:
        return len(jax.devices("gpu"))
    except RuntimeError:
        return 0


def get_gpu_memory(gpu_dev_id: int):
    """(free, total) bytes of GPU ``gpu_dev_id``, from JAX's memory statistics."""
    import jax
    try:
        dev = jax.devices("gpu")[gpu_dev_id]
    except (RuntimeError, IndexError):
        from .base import MXNetError
        raise MXNetError(f"GPU {gpu_dev_id} is not available") from None
    stats = dev.memory_stats() or {}
    total = int(stats.get("bytes_limit", 0))
    return total - int(stats.get("bytes_in_use", 0)), total


def set_module(module: str):
    """Decorator setting ``__module__`` of a function or class."""
    def deco(obj):
        if module is not None:
            obj.__module__ = module
        return obj
    return deco


def wraps_safely(wrapped, assigned=functools.WRAPPER_ASSIGNMENTS):
    """``functools.wraps`` that skips attributes the wrapped object lacks."""
    return functools.wraps(wrapped, [a for a in assigned if hasattr(wrapped, a)])
