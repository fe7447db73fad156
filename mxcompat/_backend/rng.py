"""The one random source: a base ``jax.random`` key per context plus a counter.

Every draw folds the counter into the base key and advances it, so the user never
handles keys. A process that never seeds behaves as if seeded with 0.
"""
from __future__ import annotations

import threading

import jax

_lock = threading.Lock()
_state: dict = {}       # device key (type, id) -> [base key, counter]
_global_seed = [0]


def _entry(ctx_key):
    st = _state.get(ctx_key)
    if st is None:
        st = _state[ctx_key] = [jax.random.key(_global_seed[0]), 0]
    return st


def seed(seed_state: int, ctx_key=None) -> None:
    """Reset the stream of one context (``ctx_key``) or of all contexts (None)."""
    with _lock:
        if ctx_key is None:
            _global_seed[0] = int(seed_state)
            _state.clear()
        else:
            _state[ctx_key] = [jax.random.key(int(seed_state)), 0]


def next_key(ctx_key=("cpu", 0)):
    """A fresh key for one draw on the context ``ctx_key``."""
    with _lock:
        st = _entry(ctx_key)
        n = st[1]
        st[1] = n + 1
        return jax.random.fold_in(st[0], n)
