"""``Updater``: holds the optimizer states of a set of parameters and applies updates."""
from __future__ import annotations

import pickle
from typing import Any, Sequence

from ..base import py_str
from ..ndarray import NDArray
from .fused import fused_update

__all__ = ["Updater", "get_updater"]


class Updater:
    """Applies ``optimizer`` to parameters identified by index, creating each state on
    first use (``create_state_multi_precision``)."""

    def __init__(self, optimizer):
        self.optimizer = optimizer
        self.states: dict = {}
        self.states_synced: dict = {}
        self.aggregate_updates = optimizer.aggregate_num > 0

    def _ensure_states(self, indices: list, weights: Sequence[NDArray]) -> None:
        """Create missing states; move loaded states to their weight's context."""
        if weights:
            self.optimizer._set_current_context(weights[0].context.device_id)
        for i, idx in enumerate(indices):
            if isinstance(idx, bytes):
                idx = indices[i] = py_str(idx)
            if idx not in self.states:
                self.states[idx] = self.optimizer.create_state_multi_precision(idx, weights[i])
                self.states_synced[idx] = True
            elif not self.states_synced[idx]:
                self.states[idx] = self.sync_state_context(self.states[idx], weights[i].context)
                self.states_synced[idx] = True

    def __call__(self, index, grad, weight) -> None:
        """Update ``weight`` (or a list of weights) from ``grad`` in place, as MXNet's
        Updater does: optimizers with ``aggregate_num > 0`` get list-form calls of up to
        that many parameters of one dtype; the others one call per index."""
        if isinstance(index, (list, tuple)):
            indices, grads, weights = list(index), list(grad), list(weight)
        else:
            indices, grads, weights = [index], [grad], [weight]
        self._ensure_states(indices, weights)
        opt = self.optimizer
        if not self.aggregate_updates:
            for i, w, g in zip(indices, weights, grads):
                opt.update_multi_precision(i, w, g, self.states[i])
            return
        by_dtype: dict = {}
        for i, w, g in zip(indices, weights, grads):
            by_dtype.setdefault(w.dtype, []).append((i, w, g))
        n = opt.aggregate_num
        for group in by_dtype.values():
            for start in range(0, len(group), max(n, 1)):
                chunk = group[start:start + n]
                ids = [c[0] for c in chunk]
                opt.update_multi_precision(ids, [c[1] for c in chunk], [c[2] for c in chunk],
                                           [self.states[i] for i in ids])

    def fused(self, indices: Sequence, weights: Sequence[NDArray],
              grads: Sequence[NDArray]) -> None:
        """Update many parameters with one compiled call (see ``fused_update``)."""
        indices = list(indices)
        self._ensure_states(indices, weights)
        fused_update(self.optimizer, indices, weights, grads,
                     [self.states[i] for i in indices])

    def sync_state_context(self, state: Any, context) -> Any:
        """``state`` with every NDArray moved to ``context``."""
        if isinstance(state, NDArray):
            return state.as_in_context(context)
        if isinstance(state, (tuple, list)):
            synced = [self.sync_state_context(s, context) for s in state]
            return tuple(synced) if isinstance(state, tuple) else synced
        return state

    def set_states(self, states: bytes) -> None:
        """Load states (and, if it was dumped, the optimizer) from ``get_states`` bytes."""
        states = pickle.loads(states)
        if isinstance(states, tuple) and len(states) == 2:
            self.states, self.optimizer = states
        else:
            self.states = states
        self.states_synced = dict.fromkeys(self.states.keys(), False)

    def get_states(self, dump_optimizer: bool = False) -> bytes:
        """The pickled states (with the optimizer when ``dump_optimizer``)."""
        return pickle.dumps((self.states, self.optimizer) if dump_optimizer else self.states)


def get_updater(optimizer) -> Updater:
    """An ``Updater`` for ``optimizer``."""
    return Updater(optimizer)
