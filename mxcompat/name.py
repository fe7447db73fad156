"""``mx.name``: automatic names for symbols and Gluon blocks (``dense0``, ``fullyconnected1``).

One counter per hint, per active manager; ``with NameManager():`` / ``with Prefix('p_'):``
install a fresh manager for the block of code.
"""
from __future__ import annotations

import threading

__all__ = ["NameManager", "Prefix", "current"]

_local = threading.local()


class NameManager:
    """Hands out ``hint + count`` names; used as a context manager to scope the counters."""

    def __init__(self):
        self._counter: dict[str, int] = {}
        self._old = None

    def get(self, name: str | None, hint: str) -> str:
        """``name`` itself when given, else the next ``hint<N>``."""
        if name:
            return name
        n = self._counter.get(hint, 0)
        self._counter[hint] = n + 1
        return f"{hint}{n}"

    def __enter__(self):
        self._old = current()
        _local.value = self
        return self

    def __exit__(self, *exc):
        _local.value = self._old


class Prefix(NameManager):
    """Like NameManager, and every name it hands out starts with ``prefix``."""

    def __init__(self, prefix: str):
        super().__init__()
        self._prefix = prefix

    def get(self, name: str | None, hint: str) -> str:
        return self._prefix + super().get(name, hint)


def current() -> NameManager:
    """The active manager of this thread (a default one is created on first use)."""
    m = getattr(_local, "value", None)
    if m is None:
        m = _local.value = NameManager()
    return m


class CurrentProxy:
    """``X._current.value``: how MXNet exposes the active scope object of a kind."""

    def __init__(self, get, local):
        self._get, self._local = get, local

    @property
    def value(self):
        return self._get()

    @value.setter
    def value(self, v):
        self._local.value = v


NameManager._current = CurrentProxy(current, _local)
