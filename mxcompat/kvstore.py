"""``mx.kv``: the single-process key-value store ('local' / 'device').

A KVStore keeps one stored value per key. ``push`` sums the values given for a key (one
per device, as MXNet's local store merges them) and either replaces the stored value or,
once an updater or optimizer is set, calls ``updater(key, merged, stored)`` which updates
the stored value in place. ``pull`` copies the stored value into every output array.
Distributed stores (``dist_*``) are not supported.
"""
from __future__ import annotations

import pickle
from typing import Any, Callable, Sequence

import jax

from .base import MXNetError
from .ndarray.ndarray import NDArray, _wrap

__all__ = ["KVStore", "create"]


@jax.jit
def _sum(values):
    out = values[0]
    for v in values[1:]:
        out = out + v
    return out


def _shape_str(shape) -> str:
    return "[" + ",".join(str(d) for d in shape) + "]"


def _key_kind(key) -> int:
    if isinstance(key, str):  # MXNet's kStringKey / kIntKey codes
        return 0
    if isinstance(key, int):
        return 1
    raise TypeError("name must be a string")


def _pairs(key, value):
    """[(key, [NDArray, ...]), ...] from MXNet's key/value argument forms."""
    if isinstance(key, (list, tuple)):
        keys = list(key)
        values = list(value) if isinstance(value, (list, tuple)) else [value]
        if len(keys) != len(values):
            raise AssertionError()
        return [(k, list(v) if isinstance(v, (list, tuple)) else [v])
                for k, v in zip(keys, values)]
    vals = list(value) if isinstance(value, (list, tuple)) else [value]
    return [(key, vals)]


class KVStore:
    """A key-value store for data-parallel updates inside one process."""

    OPTIMIZER = "optimizer"

    def __init__(self, kv_type: str = "local"):
        self._type = kv_type
        self._store: dict = {}
        self._key_kind: int | None = None
        self._updater: Any = None
        self._updater_func: Callable | None = None
        self._compression: dict | None = None

    # -- properties ------------------------------------------------------------
    @property
    def type(self) -> str:
        return self._type

    @property
    def rank(self) -> int:
        return 0

    @property
    def num_workers(self) -> int:
        return 1

    def is_capable(self, capability: str) -> bool:
        """Whether this store supports ``capability`` ('optimizer')."""
        if capability.lower() == KVStore.OPTIMIZER:
            return True
        raise ValueError("Unknown capability: {}".format(capability))

    # -- keys ------------------------------------------------------------------
    def _check_kind(self, key) -> None:
        kind = _key_kind(key)
        if self._key_kind is None:
            self._key_kind = kind
        elif self._key_kind != kind:
            raise MXNetError("Check failed: key_type_ == key_type (%d vs. %d) : Mixed key "
                             "types are not allowed" % (self._key_kind, kind))

    def _stored(self, key, pushing: bool = False) -> NDArray:
        self._check_kind(key)
        stored = self._store.get(key)
        if stored is None:
            if pushing:
                raise MXNetError("Check failed: !is_none():")
            raise MXNetError("Check failed: !local.is_none(): key %s has not been inited"
                             % key)
        return stored

    # -- init / push / pull ------------------------------------------------------
    def init(self, key, value) -> None:
        """Set the initial value of each key (once per key)."""
        for k, vals in _pairs(key, value):
            self._check_kind(k)
            for v in vals:
                if k in self._store:
                    if isinstance(k, str):
                        raise MXNetError("Check failed: str_key_dict_.find(str_key) == "
                                         "str_key_dict_.end(): duplicate init of key %s" % k)
                    raise MXNetError(
                        "Check failed: local_.find(keys[i]) == local_.end(): duplicate init "
                        "of key %s. Please double check if you called kv.init or "
                        "kv.broadcast with this key multiple times" % k)
                self._store[k] = _wrap(v._array, v.context)

    def _merge(self, vals: Sequence[NDArray], stored: NDArray) -> NDArray:
        if len(vals) == 1:
            return vals[0]
        first = vals[0].shape
        for v in vals[1:]:
            if v.shape != first:
                raise MXNetError("Check failed: from.shape() == to.shape(): operands shape "
                                 "mismatch from.shape = %s to.shape=%s"
                                 % (_shape_str(v.shape), _shape_str(first)))
        device = stored.context.jax_device
        arrays = [jax.device_put(v._array, device) for v in vals]
        return _wrap(_sum(arrays), stored.context)

    def push(self, key, value, priority: int = 0) -> None:
        """Sum the values of each key and update (or replace) the stored value."""
        for k, vals in _pairs(key, value):
            stored = self._stored(k, pushing=True)
            merged = self._merge(vals, stored)
            if self._updater is not None:
                ukey = k.encode() if isinstance(k, str) else k
                self._updater(ukey, merged, stored)
            else:
                arr = merged._array
                if arr.dtype != stored.dtype:
                    arr = arr.astype(stored.dtype)
                stored._set(jax.device_put(arr, stored.context.jax_device))

    def pull(self, key, out=None, priority: int = 0, ignore_sparse: bool = True) -> None:
        """Copy each key's stored value into its output array(s)."""
        assert out is not None
        for k, outs in _pairs(key, out):
            stored = self._stored(k)
            for o in outs:
                if o.shape != stored.shape:
                    raise MXNetError("Check failed: from.shape() == to.shape(): operands "
                                     "shape mismatch from.shape = %s to.shape=%s"
                                     % (_shape_str(stored.shape), _shape_str(o.shape)))
                arr = stored._array
                if arr.dtype != o.dtype:
                    arr = arr.astype(o.dtype)
                o._set(jax.device_put(arr, o.context.jax_device))

    def pushpull(self, key, value, out=None, priority: int = 0) -> None:
        """``push`` then ``pull`` (into ``value`` itself when ``out`` is None)."""
        self.push(key, value, priority)
        self.pull(key, value if out is None else out, priority)

    def broadcast(self, key, value, out, priority: int = 0) -> None:
        """``init`` then ``pull``."""
        self.init(key, value)
        self.pull(key, out=out, priority=priority)

    def row_sparse_pull(self, key, out=None, priority: int = 0, row_ids=None) -> None:
        raise NotImplementedError("KVStore.row_sparse_pull (sparse storage) is not "
                                  "supported by mxcompat")

    # -- optimizer -----------------------------------------------------------------
    def set_gradient_compression(self, compression_params: dict) -> None:
        raise Exception("Gradient compression is not supported for this type of kvstore")

    def set_optimizer(self, optimizer) -> None:
        """Update stored values with ``optimizer`` on every push."""
        from .optimizer import get_updater
        self._set_updater(get_updater(optimizer))

    def _set_updater(self, updater: Callable) -> None:
        self._updater = updater
        self._updater_func = updater

    def save_optimizer_states(self, fname: str, dump_optimizer: bool = False) -> None:
        """Write the updater's states (and optionally the optimizer) to ``fname``."""
        assert self._updater is not None, "Cannot save states for distributed training"
        with open(fname, "wb") as f:
            f.write(self._updater.get_states(dump_optimizer))

    def load_optimizer_states(self, fname: str) -> None:
        """Read states written by ``save_optimizer_states``."""
        assert self._updater is not None, "Cannot load states for distributed training"
        with open(fname, "rb") as f:
            self._updater.set_states(f.read())

    def _barrier(self) -> None:
        """Nothing to wait for in one process."""

    def _send_command_to_servers(self, head: int, body: str) -> None:
        """No servers in one process."""

    def __getstate__(self):
        raise pickle.PicklingError("KVStore cannot be pickled")


def create(name: str = "local") -> KVStore:
    """A new KVStore: 'local', 'device' (and any other non-distributed name, as MXNet)."""
    if not isinstance(name, str):
        raise TypeError("name must be a string")
    if "dist" in name:
        raise NotImplementedError("distributed kvstore '%s' is not supported by mxcompat "
                                  "(one process only: use 'local' or 'device')" % name)
    return KVStore(name)
