"""``mx.engine``: bulk-execution settings (kept for compatibility; JAX schedules itself)."""
from __future__ import annotations

import contextlib

__all__ = ["set_bulk_size", "bulk"]

_bulk_size = 15


def set_bulk_size(size: int) -> int:
    """Record the bulk size; returns the previous one (no effect on execution)."""
    global _bulk_size
    prev, _bulk_size = _bulk_size, int(size)
    return prev


@contextlib.contextmanager
def bulk(size: int):
    """Within the block the bulk size is ``size``; restored on exit."""
    prev = set_bulk_size(size)
    try:
        yield
    finally:
        set_bulk_size(prev)
