"""``mx.autograd``: recording, training mode, backward and grad of every order, Function."""
from __future__ import annotations

from .._backend import deferred as _deferred

import jax.numpy as jnp

from .. import ndarray as _nd_pkg  # noqa: F401  (NDArray and operators first)
from ..ndarray import _invoke
from ..ndarray import ndarray as _ndmod
from ..ndarray.ndarray import NDArray
from . import tape as _tape
from .function import Function
from .tape import Leaf, REQ_CODES, state as _state

__all__ = ["record", "pause", "train_mode", "predict_mode", "is_recording", "is_training",
           "set_recording", "set_training", "mark_variables", "backward", "grad",
           "get_symbol", "Function"]


def set_recording(is_recording: bool) -> bool:
    """Turn recording on or off; returns the previous value."""
    prev = _state.recording
    _state.recording = bool(is_recording)
    return prev


def set_training(train_mode: bool) -> bool:
    """Turn training mode on or off; returns the previous value."""
    prev = _state.training
    _state.training = bool(train_mode)
    return prev


def is_recording() -> bool:
    return _state.recording


def is_training() -> bool:
    return _state.training


class _RecordingStateScope:
    """Sets the recording/training flags on entry (None leaves a flag alone) and puts
    back the previous values on exit."""

    def __init__(self, is_record, train_mode):
        self._enter_is_record = is_record
        self._enter_train_mode = train_mode
        self._prev_is_record = None
        self._prev_train_mode = None

    def __enter__(self):
        if self._enter_is_record:   # a training iteration starts: run the last one's work
            _deferred.flush()
        if self._enter_is_record is not None:
            self._prev_is_record = set_recording(self._enter_is_record)
        if self._enter_train_mode is not None:
            self._prev_train_mode = set_training(self._enter_train_mode)

    def __exit__(self, ptype, value, trace):
        if self._enter_is_record is not None and \
                self._prev_is_record != self._enter_is_record:
            set_recording(self._prev_is_record)
        if self._enter_train_mode is not None and \
                self._prev_train_mode != self._enter_train_mode:
            set_training(self._prev_train_mode)


def record(train_mode: bool = True) -> _RecordingStateScope:
    """Scope in which operators on graph arrays are recorded for backward."""
    return _RecordingStateScope(True, train_mode)


def pause(train_mode: bool = False) -> _RecordingStateScope:
    """Scope in which nothing is recorded."""
    return _RecordingStateScope(False, train_mode)


def train_mode() -> _RecordingStateScope:
    """Scope with training behaviour (Dropout drops, BatchNorm uses batch statistics)."""
    return _RecordingStateScope(None, True)


def predict_mode() -> _RecordingStateScope:
    """Scope with inference behaviour."""
    return _RecordingStateScope(None, False)


def _as_list(x, what: str) -> list:
    if isinstance(x, NDArray):
        return [x]
    return list(x)


def mark_variables(variables, gradients, grad_reqs="write") -> None:
    """Mark arrays as variables whose gradients backward writes into ``gradients``."""
    if isinstance(variables, NDArray):
        assert isinstance(gradients, NDArray)
        variables, gradients = [variables], [gradients]
    if isinstance(grad_reqs, str):
        grad_reqs = [grad_reqs] * len(variables)
    for var, g, req in zip(variables, gradients, grad_reqs):
        REQ_CODES[req]  # KeyError for an unknown request, as MXNet
        var._ag = Leaf(g, req)


def _head_grads(heads, head_grads):
    if head_grads is None:
        return [None] * len(heads)
    if isinstance(head_grads, NDArray):
        head_grads = [head_grads]
    head_grads = list(head_grads)
    assert len(heads) == len(head_grads), \
        "heads and head_grads must be lists of the same length"
    return head_grads


def backward(heads, head_grads=None, retain_graph: bool = False,
             train_mode: bool = True) -> None:
    """Compute the gradients of ``heads`` with respect to the marked variables and
    write them into the variables' gradient buffers."""
    heads = _as_list(heads, "heads")
    _tape.run_backward(heads, _head_grads(heads, head_grads), None, retain_graph, False,
                       train_mode)


def grad(heads, variables, head_grads=None, retain_graph=None, create_graph: bool = False,
         train_mode: bool = True) -> list:
    """Gradients of ``heads`` with respect to ``variables``, returned as a new list
    (the variables' ``.grad`` buffers are left alone)."""
    heads = _as_list(heads, "heads")
    variables = _as_list(variables, "variables")
    assert len(variables) > 0, "variables cannot be an empty list."
    if retain_graph is None:
        retain_graph = create_graph
    return _tape.run_backward(heads, _head_grads(heads, head_grads), variables,
                              retain_graph, create_graph, train_mode)


def get_symbol(x):
    """The recorded history of ``x`` as a Symbol."""
    assert isinstance(x, NDArray), \
        ("get_symbol: Invalid argument type, expecting <class 'mxnet.ndarray.ndarray.NDArray'>, "
         f"got {type(x)}")
    from ..symbol.from_tape import get_symbol as _get_symbol
    return _get_symbol(x)


# -- wiring into the eager dispatcher and the NDArray class ----------------------------
_invoke.hooks.record = _tape.record_op
_invoke.hooks.state = _state
_invoke.hooks.is_training = is_training
_ndmod._write_hook = _tape.check_inplace
_ndmod._view_hook = _tape.record_view


def _attach_grad(self: NDArray, grad_req: str = "write", stype=None) -> None:
    """Give this array a zero gradient buffer and mark it as a variable."""
    if stype is not None and stype != "default":
        raise NotImplementedError(f"sparse gradient storage (attach_grad(stype='{stype}')) "
                                  "is not supported by mxcompat yet")
    from ..ndarray.functions import zeros
    if stype is None:
        buf = _ndmod._wrap(jnp.zeros(self.shape, self._dtype), self._ctx)
    else:
        buf = zeros(self.shape, ctx=self._ctx)
    mark_variables([self], [buf], grad_req)


def _grad(self: NDArray):
    ag = self._ag
    if not isinstance(ag, Leaf) or not ag.live or ag.grad is None:
        return None
    buf = ag.grad
    view = buf._view_of(0, buf.shape)
    view._ag = buf._ag  # differentiable after backward(create_graph=True)
    return view


def _fresh_grad_get(self: NDArray) -> int:
    ag = self._ag
    return ag.fresh if isinstance(ag, Leaf) else 0


def _fresh_grad_set(self: NDArray, value: int) -> None:
    ag = self._ag
    if isinstance(ag, Leaf):
        ag.fresh = int(value)


def _nd_backward(self: NDArray, out_grad=None, retain_graph: bool = False,
                 train_mode: bool = True) -> None:
    """Backward from this array (one head)."""
    backward([self], None if out_grad is None else [out_grad], retain_graph, train_mode)


NDArray.attach_grad = _attach_grad
NDArray.grad = property(_grad)
NDArray._fresh_grad = property(_fresh_grad_get, _fresh_grad_set)
NDArray.backward = _nd_backward
