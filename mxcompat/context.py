"""``mx.context``: device names as MXNet spells them (cpu(0), gpu(1), ...)."""
from __future__ import annotations

import threading
import warnings

from ._backend import devices as _devices

__all__ = ["Context", "cpu", "gpu", "tpu", "cpu_pinned", "cpu_shared", "current_context",
           "num_gpus", "gpu_memory_info"]

_state = threading.local()


class _ClassProperty:
    def __init__(self, fget, fset=None):
        self.fget, self.fset = fget, fset

    def __get__(self, obj, owner):
        return self.fget(owner)


class Context:
    """A device: a type ('cpu', 'gpu', 'cpu_pinned', 'cpu_shared', 'tpu') and an id.

    ``with ctx:`` makes it the default for arrays created inside the block.
    """

    devtype2str = {1: "cpu", 2: "gpu", 3: "cpu_pinned", 5: "cpu_shared"}
    devstr2type = {"cpu": 1, "gpu": 2, "cpu_pinned": 3, "cpu_shared": 5}
    __slots__ = ("device_typeid", "device_id", "_old_ctx")

    def __init__(self, device_type, device_id: int = 0):
        if isinstance(device_type, Context):
            self.device_typeid = device_type.device_typeid
            self.device_id = device_type.device_id
        else:
            self.device_typeid = _TYPEIDS[device_type]
            self.device_id = device_id
        self._old_ctx = None

    @property
    def device_type(self) -> str:
        return _TYPENAMES[self.device_typeid]

    def __hash__(self):
        return hash((self.device_typeid, self.device_id))

    def __eq__(self, other):
        return (isinstance(other, Context) and self.device_typeid == other.device_typeid
                and self.device_id == other.device_id)

    def __ne__(self, other):
        return not self.__eq__(other)

    def __str__(self):
        return "%s(%d)" % (self.device_type, self.device_id)

    __repr__ = __str__

    def __enter__(self):
        # a per-thread stack: the same Context object may be entered while already active
        stack = getattr(_state, "stack", None)
        if stack is None:
            stack = _state.stack = []
        stack.append(current_context())
        _state.ctx = self
        return self

    def __exit__(self, ptype, value, trace):
        _state.ctx = _state.stack.pop()

    def empty_cache(self) -> None:
        """Release cached device memory (JAX manages its own pools; nothing to do)."""

    @property
    def jax_device(self):
        """The jax.Device this context names (MXNetError if it is not on this machine)."""
        return _devices.device_for(self.device_type, self.device_id)

    def _get_default_ctx(cls):
        warnings.warn("Context.default_ctx has been deprecated. Please use "
                      "Context.current_context() instead.", DeprecationWarning)
        return current_context()

    default_ctx = _ClassProperty(_get_default_ctx)

    @staticmethod
    def current_context() -> "Context":
        return current_context()


def cpu(device_id: int = 0) -> Context:
    return Context("cpu", device_id)


def gpu(device_id: int = 0) -> Context:
    """The i-th accelerator of JAX's backend (a GPU, or a TPU core)."""
    return Context("gpu", device_id)


def tpu(device_id: int = 0) -> Context:
    """The i-th TPU core (an mxcompat extension)."""
    return Context("tpu", device_id)


def cpu_pinned(device_id: int = 0) -> Context:
    return Context("cpu_pinned", device_id)


def cpu_shared(device_id: int = 0) -> Context:
    return Context("cpu_shared", device_id)


# MXNet's device types plus 'tpu' (an mxcompat extension, kept out of the class dicts so
# that they print as in MXNet)
_TYPEIDS = dict(Context.devstr2type, tpu=6)
_TYPENAMES = {v: k for k, v in _TYPEIDS.items()}
_CPU0 = Context("cpu", 0)


def current_context() -> Context:
    """The thread's default context: cpu(0) unless a ``with ctx:`` block says otherwise."""
    return getattr(_state, "ctx", _CPU0)


def _set_current_context(ctx: Context) -> None:
    _state.ctx = ctx


def num_gpus() -> int:
    """Accelerators JAX sees (GPUs, or TPU cores)."""
    return _devices.num_accelerators()


def gpu_memory_info(device_id: int = 0) -> tuple[int, int]:
    """(free, total) bytes of accelerator ``device_id``."""
    dev = _devices.device_for("gpu", device_id, "gpu_memory_info")
    stats = dev.memory_stats() or {}
    total = int(stats.get("bytes_limit", 0))
    return total - int(stats.get("bytes_in_use", 0)), total


def context_of_device(device) -> Context:
    t, i = _devices.context_args_for(device)
    return Context(t, i)
