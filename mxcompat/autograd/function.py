"""``autograd.Function``: user-defined forward and backward.

Eagerly, a Function call is one tape node whose pullback is the user's ``backward`` (run as
Python, so it may call ``asnumpy()`` and build new NDArrays). Inside compiled code (a
``jax.jit`` over NDArrays, a hybridized block) the same Function becomes a
``jax.custom_vjp`` whose forward and backward run on the host through ``pure_callback``.
"""
from __future__ import annotations

import jax
import numpy as np

from ..ndarray.ndarray import NDArray, _wrap
from . import tape as _tape


class Function:
    """Subclass and override ``forward(*inputs)`` and ``backward(*output_grads)``.

    ``backward`` returns one gradient per input of ``forward``. Each instance may be called
    once.
    """

    def __init__(self):
        self._used = False
        self.saved_tensors = ()

    def save_for_backward(self, *args) -> None:
        """Keep arrays for ``backward`` (replaces what was saved before)."""
        self.saved_tensors = args

    def forward(self, *inputs):
        raise NotImplementedError

    def backward(self, *output_grads):
        raise NotImplementedError

    def __call__(self, *inputs):
        assert not self._used, ("Each Function instance can only be called once. Please "
                                "create another instance.")
        self._used = True
        if any(isinstance(x, NDArray) and isinstance(x._array, jax.core.Tracer)
               for x in inputs):
            return _call_compiled(self, inputs)
        prev = _tape.state.recording
        _tape.state.recording = False
        try:
            outputs = self.forward(*inputs)
        finally:
            _tape.state.recording = prev
        if not prev:
            return outputs
        parents = [_tape.entry_of(x) if isinstance(x, NDArray) else None for x in inputs]
        if not any(p is not None for p in parents):
            return outputs
        for i, x in enumerate(inputs):  # plain inputs join the graph as 'null' variables
            if parents[i] is None and isinstance(x, NDArray):
                parents[i] = x._ag = _tape.Leaf(None, "null")
        outs = [outputs] if isinstance(outputs, NDArray) else list(outputs)
        node = _tape.Node(_FunctionVJP(self, len(inputs)), (), False,
                          tuple(x._array for x in inputs), parents,
                          tuple((o.shape, o._dtype) for o in outs), len(outs))
        for i, o in enumerate(outs):
            o._ag = _tape.Entry(node, i)
        return outputs


def _grads_of(func: Function, n_inputs: int, cts, ctx, train: bool) -> list:
    """Run the user's backward with recording off; check what it returns."""
    prev = (_tape.state.recording, _tape.state.training)
    _tape.state.recording, _tape.state.training = False, train
    try:
        grads = func.backward(*[c if isinstance(c, NDArray) else _wrap(c, ctx) for c in cts])
    finally:
        _tape.state.recording, _tape.state.training = prev
    grads = [grads] if isinstance(grads, NDArray) else list(grads)
    if len(grads) != n_inputs:
        raise ValueError(f"{type(func).__name__}.backward must return exactly {n_inputs} "
                         f"gradient(s), one per input of forward; it returned {len(grads)}")
    for g in grads:
        if not isinstance(g, NDArray):
            raise TypeError(f"autograd.Function.backward must return NDArrays, not {type(g)}")
    return grads


class _FunctionVJP:
    """Pullback of a Function node: the user's backward."""

    custom = True

    def __init__(self, func: Function, n_inputs: int):
        self.func = func
        self.mask = (True,) * n_inputs

    def pullback(self, node, cts, create_graph: bool):
        from ..context import current_context
        grads = _grads_of(self.func, len(self.mask), cts, current_context(),
                          _tape.state.training)
        if create_graph:
            return grads
        return [g._array for g in grads]


# ----------------------------------------------------------------------------- compiled
def _call_compiled(func: Function, inputs):
    """The Function as a jax.custom_vjp over host callbacks (inside jax.jit)."""
    from ..context import current_context
    ctx = inputs[0]._ctx
    arrays = [x._array for x in inputs]
    in_structs = [jax.ShapeDtypeStruct(a.shape, a.dtype) for a in arrays]

    def host_forward(*xs):
        prev = _tape.state.recording
        _tape.state.recording = False
        try:
            out = func.forward(*[_wrap(jax.numpy.asarray(x), ctx) for x in xs])
        finally:
            _tape.state.recording = prev
        outs = [out] if isinstance(out, NDArray) else list(out)
        return tuple(o.asnumpy() for o in outs), isinstance(out, NDArray)

    # the output structure, from one eager forward on zeros (shapes only); eager even
    # though a trace is under way
    with jax.ensure_compile_time_eval():
        probe, single = host_forward(*[np.zeros(s.shape, s.dtype) for s in in_structs])
    out_structs = tuple(jax.ShapeDtypeStruct(p.shape, p.dtype) for p in probe)

    def fwd_cb(*xs):
        return host_forward(*xs)[0]

    def bwd_cb(*cts):
        grads = _grads_of(func, len(arrays), [jax.numpy.asarray(c) for c in cts],
                          current_context(), _tape.state.training)
        return tuple(g.asnumpy().astype(s.dtype) for g, s in zip(grads, in_structs))

    @jax.custom_vjp
    def f(*xs):
        return jax.pure_callback(fwd_cb, out_structs, *xs)

    def f_fwd(*xs):
        return f(*xs), None

    def f_bwd(_, cts):
        return jax.pure_callback(bwd_cb, tuple(in_structs), *cts)

    f.defvjp(f_fwd, f_bwd)
    outs = [_wrap(o, ctx) for o in f(*arrays)]
    return outs[0] if single else outs
