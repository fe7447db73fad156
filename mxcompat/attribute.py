"""``mx.AttrScope``: attributes given to every symbol created inside a ``with`` block."""
from __future__ import annotations

import threading

__all__ = ["AttrScope", "current"]

_local = threading.local()


class AttrScope:
    """``with mx.AttrScope(ctx_group='dev1'):`` adds ``__ctx_group__='dev1'`` to each
    symbol created in the block; nested scopes add to the outer ones."""

    def __init__(self, **kwargs: str):
        self._old_scope = None
        for value in kwargs.values():
            if not isinstance(value, str):
                raise ValueError("Attributes need to be string")
        self._attr = kwargs

    def get(self, attr: dict | None) -> dict:
        """The scope's attributes updated with ``attr`` (``attr`` wins)."""
        if self._attr:
            ret = self._attr.copy()
            if attr:
                ret.update(attr)
            return ret
        return attr if attr else {}

    def __enter__(self):
        self._old_scope = current()
        attr = self._old_scope._attr.copy()
        attr.update(self._attr)
        self._attr = attr
        _local.value = self
        return self

    def __exit__(self, *exc):
        _local.value = self._old_scope


def current() -> AttrScope:
    scope = getattr(_local, "value", None)
    if scope is None:
        scope = _local.value = AttrScope()
    return scope


from .name import CurrentProxy as _CurrentProxy  # noqa: E402

AttrScope._current = _CurrentProxy(current, _local)
