"""``hybridize()``: a HybridBlock as ONE compiled function of (parameters, inputs, key).

The first call for an input signature (tree of inputs, shapes and dtypes, training flag,
which inputs need gradients) traces ``forward`` with every parameter replaced by the traced
value the function receives (``Parameter.data()`` returns it while tracing) and with
random operators drawing from the key argument (``rng.key_scope``), so Dropout differs on
every call and repeats after ``mx.random.seed``. Parameters that the forward rebinds
(BatchNorm's running statistics in training) come back as extra results and are written
to the real parameters.

Under ``autograd.record()`` the call is ONE tape node. Its forward runs ``jax.vjp`` inside
the compiled function and returns the residuals, so backward is one compiled call that
does not recompute the forward. With ``create_graph=True`` the gradient is instead run as
a recorded operator (recomputing the forward), so it can be differentiated again.
"""
from __future__ import annotations

import threading
from typing import Any

import jax
import jax.numpy as jnp

from .._backend import deferred as _deferred
from .._backend import rng as _rng
from ..autograd import tape as _tape
from ..base import MXNetError
from ..ndarray.ndarray import NDArray, _wrap
from .parameter import set_traced_values

__all__ = ["call", "eager_here"]

_local = threading.local()


def eager_here() -> bool:
    """True while a hybridized block is being traced or pre-run: children run as Python."""
    return getattr(_local, "depth", 0) > 0


class _Eager:
    def __enter__(self):
        _local.depth = getattr(_local, "depth", 0) + 1

    def __exit__(self, *exc):
        _local.depth -= 1


def _is_nd(x) -> bool:
    return isinstance(x, NDArray)


def _split(args):
    """(NDArray leaves, static description of everything else)."""
    if all(type(a) is NDArray for a in args):   # the common case: NDArray arguments
        return list(args), len(args)
    leaves, tree = jax.tree_util.tree_flatten(args, is_leaf=_is_nd)
    nds, static = [], []
    for i, leaf in enumerate(leaves):
        if isinstance(leaf, NDArray):
            nds.append(leaf)
        else:
            static.append((i, leaf))
    return nds, (tree, len(leaves), tuple(static))


def _join(desc, nds):
    if type(desc) is int:
        return tuple(nds)
    tree, n, static = desc
    leaves = [None] * n
    for i, v in static:
        leaves[i] = v
    it = iter(nds)
    for i in range(n):
        if leaves[i] is None and not any(j == i for j, _ in static):
            leaves[i] = next(it)
    return jax.tree_util.tree_unflatten(tree, leaves)


class _State:
    """Per-block compiled state: the parameter list and one entry per signature."""

    def __init__(self, block):
        self.params = list(block.collect_params().values())
        self.entries: dict = {}
        self.ready = False      # every parameter initialised (no deferred pass needed)


class _Entry:
    """The compiled functions for one signature."""

    def __init__(self, block, params, desc, training, ctx, mask):
        self.block = block
        self.params = params
        self.desc = desc
        self.training = training
        self.ctx = ctx
        self.mask = mask          # over params + inputs: which get gradients (recording)
        self.out_tree = None
        self.single = False
        self.out_float = None     # which flat outputs are differentiable
        self.uses_key = None      # whether the traced body draws random numbers (unknown
                                  # until the first trace)
        self.forward = jax.jit(self._pure)
        self.forward_vjp = jax.jit(self._pure_vjp) if mask is not None else None
        self.backward = jax.jit(lambda vjp_fn, cts: vjp_fn(cts))
        self._bwd_op = None
        self.fused_rule = _FusedRule(self)

    # the traced body ---------------------------------------------------------------
    def _pure(self, key, p_arrays, x_arrays):
        ctx = self.ctx
        p_nds = [_wrap(a, ctx) for a in p_arrays]
        values = {id(p): v for p, v in zip(self.params, p_nds)}
        old = set_traced_values(values)
        st = _tape.state
        prev = (st.recording, st.training)
        st.recording, st.training = False, self.training
        try:
            with _Eager(), _rng.key_scope(key) as scope:
                args = _join(self.desc, [_wrap(a, ctx) for a in x_arrays])
                out = self.block.forward(*args)
            self.uses_key = scope.count > 0
        finally:
            st.recording, st.training = prev
            set_traced_values(old)
        leaves, tree = jax.tree_util.tree_flatten(out, is_leaf=_is_nd)
        for leaf in leaves:
            if not isinstance(leaf, NDArray) or isinstance(out, dict):
                bad = out if isinstance(out, dict) else leaf
                raise ValueError("When hybridized, the input of HybridBlock output must be "
                                 "(nested) list of Symbol or NDArray, but got %s of type %s"
                                 % (str(bad), str(type(bad))))
        self.out_tree = tree
        self.single = tree.num_leaves == 1 and tree.num_nodes == 1
        outs = [o._array for o in leaves]
        self.out_float = tuple(bool(jnp.issubdtype(o.dtype, jnp.inexact)) for o in outs)
        updates = {i: v._array for i, v in enumerate(p_nds) if v._array is not p_arrays[i]}
        return outs, updates

    def _pure_vjp(self, key, p_arrays, x_arrays):
        mask = self.mask
        n_p = len(p_arrays)
        full = list(p_arrays) + list(x_arrays)
        diff = [a for a, m in zip(full, mask) if m]

        def f(*d):
            it = iter(d)
            merged = [next(it) if m else a for a, m in zip(full, mask)]
            outs, updates = self._pure(key, merged[:n_p], merged[n_p:])
            fl = [o for o, isf in zip(outs, self.out_float) if isf]
            rest = [o for o, isf in zip(outs, self.out_float) if not isf]
            return fl, (rest, updates)

        fl, vjp_fn, (rest, updates) = jax.vjp(f, *diff, has_aux=True)
        it_f, it_r = iter(fl), iter(rest)
        outs = [next(it_f) if isf else next(it_r) for isf in self.out_float]
        return outs, updates, vjp_fn

    # create_graph: the gradient as a recorded operator ------------------------------
    def backward_op(self):
        if self._bwd_op is None:
            from ..ops.attrs import Any_
            from ..ops.registry import Op
            mask = self.mask
            n = len(mask)

            def fn(*args, key):
                full, cts = list(args[:n]), args[n:]
                diff = [a for a, m in zip(full, mask) if m]
                n_p = len(self.params)

                def f(*d):
                    it = iter(d)
                    merged = [next(it) if m else a for a, m in zip(full, mask)]
                    outs, _ = self._pure(key, merged[:n_p], merged[n_p:])
                    return [o for o, isf in zip(outs, self.out_float) if isf]

                _, back = jax.vjp(f, *diff)
                fcts = [c for c, isf in zip(cts, self.out_float) if isf]
                return tuple(back(fcts))

            self._bwd_op = Op(f"_backward_{self.block.name}", fn,
                              [f"in{i}" for i in range(n + len(self.out_float))],
                              attrs={"key": Any_(None, dynamic=True)},
                              num_outputs=sum(mask), same_dtype=False, strict=False)
        return self._bwd_op


class _FusedRule:
    """How the fused backward pulls a cotangent through calls of one signature."""

    __slots__ = ("entry", "mask")

    def __init__(self, entry: _Entry):
        self.entry = entry
        self.mask = entry.mask

    def fused_pull(self, vjp_fn, cts):
        fcts = [c for c, isf in zip(cts, self.entry.out_float) if isf]
        return vjp_fn(fcts)


class _BlockVJP:
    """Tape rule of one hybridized call: the residuals of its compiled forward."""

    custom = True
    __slots__ = ("entry", "mask", "vjp_fn")

    def __init__(self, entry: _Entry, vjp_fn):
        self.entry = entry
        self.mask = entry.mask
        self.vjp_fn = vjp_fn

    def fusable(self):
        """(the rule shared by every call of this signature, this call's residuals): lets
        the fused backward (autograd/fused.py) include this node in its one call."""
        return self.entry.fused_rule, self.vjp_fn

    def pullback(self, node, cts, create_graph: bool):
        entry = self.entry
        if create_graph:
            from ..ndarray._invoke import invoke
            ctx = entry.ctx
            ins = []
            for x, p in zip(node.inputs, node.parents):
                v = _wrap(x, ctx)
                v._ag = p
                ins.append(v)
            ct_nds = [c if isinstance(c, NDArray) else _wrap(c, ctx) for c in cts]
            res = invoke(entry.backward_op(), ins + ct_nds, {"key": node.dyn[0]})
            return res if isinstance(res, (list, tuple)) else [res]
        raw = [c._raw() if isinstance(c, NDArray) else c for c in cts]
        fcts = [c for c, isf in zip(raw, entry.out_float) if isf]
        return _deferred.run_tree(entry.backward, (self.vjp_fn, fcts), entry.ctx)

    def release(self) -> None:
        """Drop the residuals once the graph is freed."""
        self.vjp_fn = None


def _parents(nds):
    """Graph entries of the arguments; plain arrays join as 'null' leaves, as MXNet."""
    parents, any_live = [], False
    for x in nds:
        e = _tape.entry_of(x)
        if e is not None:
            any_live = True
        parents.append(e)
    return parents, any_live


def call(block, args: tuple) -> Any:
    """Run a hybridized block on NDArrays (the cached compiled function)."""
    state = block._cached
    if state is None:
        state = block._cached = _State(block)
    x_nds, desc = _split(args)
    if not x_nds:
        raise MXNetError("a hybridized block needs at least one NDArray input")
    ctx = x_nds[0].context
    params = state.params
    if not state.ready and any(p._data is None and p._deferred_init for p in params):
        # deferred shapes: one eager pass (not recorded) infers and initialises them
        with _Eager():
            st = _tape.state
            prev = (st.recording, st.training)
            st.recording, st.training = False, False   # (no BatchNorm statistics update)
            try:
                block.forward(*args)
            finally:
                st.recording, st.training = prev
    p_nds = [p.data(ctx) for p in params]
    state.ready = True
    training = bool(_tape.state.training)
    recording = _tape.state.recording
    all_nds = p_nds + x_nds
    mask = None
    if recording:
        parents, any_live = _parents(all_nds)
        if any_live:
            mask = tuple(p is not None and not (type(p) is _tape.Leaf and p.req == "null")
                         and _tape._differentiable(v._raw())
                         for p, v in zip(parents, all_nds))
        else:
            recording = False
    sig = (desc, training, (ctx.device_type, ctx.device_id), mask,
           tuple((x.shape, x._dtype) for x in x_nds))
    entry = state.entries.get(sig)
    if entry is None:
        entry = state.entries[sig] = _Entry(block, params, desc, training, ctx, mask)
    p_arrays = [v._raw() for v in p_nds]
    x_arrays = [v._raw() for v in x_nds]
    fn = entry.forward_vjp if recording else entry.forward
    if entry.uses_key is None:   # trace once to learn whether it draws (jit keeps the trace)
        spec = jax.ShapeDtypeStruct
        jax.eval_shape(fn, spec((2,), jnp.uint32),
                       [spec(a.shape, a.dtype) for a in p_arrays],
                       [spec(a.shape, a.dtype) for a in x_arrays])
    # a body that draws nothing gets the placeholder key: calling it leaves the stream as
    # the same code run eagerly would
    key = (_rng.next_key((ctx.device_type, ctx.device_id)) if entry.uses_key
           else _rng.placeholder_key(ctx.jax_device))
    if recording:
        outs, updates, vjp_fn = _deferred.run_tree(fn, (key, p_arrays, x_arrays), ctx)
    else:
        outs, updates = _deferred.run_tree(fn, (key, p_arrays, x_arrays), ctx)
    if updates:  # auxiliary states (BatchNorm statistics): not user writes into the graph
        from ..ndarray import ndarray as _ndm
        hook, _ndm._write_hook = _ndm._write_hook, None
        try:
            for i, new in updates.items():
                p_nds[i]._set(new)
        finally:
            _ndm._write_hook = hook
    out_nds = [_wrap(o, ctx) for o in outs]
    if recording:
        for i, p in enumerate(parents):
            if p is None:
                parents[i] = all_nds[i]._ag = _tape.Leaf(None, "null")
        node = _tape.Node(_BlockVJP(entry, vjp_fn), (key,), training,
                          tuple(p_arrays + x_arrays), parents,
                          tuple((o.shape, o._dtype) for o in out_nds), len(out_nds))
        for i, o in enumerate(out_nds):
            o._ag = _tape.Entry(node, i)
    if entry.single:
        return out_nds[0]
    return jax.tree_util.tree_unflatten(entry.out_tree, out_nds)
