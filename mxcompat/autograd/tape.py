"""The tape: nodes recorded by eager operators, and the backward pass over them.

A node keeps the operator, its attributes, its input *values* (``jax.Array`` is immutable,
so keeping them costs nothing) and, per input, the entry it came from. Backward walks the
nodes reachable from the heads in reverse topological order and calls, per node, a VJP
kernel compiled once per (operator, attributes, which inputs are differentiable). With
``create_graph`` the same VJP runs as a recorded operator, so it can be differentiated
again (every order).
"""
from __future__ import annotations

import threading
from typing import Callable, Sequence

import jax
import jax.numpy as jnp

import numpy as np

from .._backend import deferred as _deferred
from ..base import MXNetError
from ..ops.registry import Op
from . import fused as _fused

NOT_IN_GRAPH = (
    "Check failed: !AGInfo: :IsNone(*i): Cannot differentiate node because it is not in a "
    "computational graph. You need to set is_recording to true or use autograd.record() to "
    "save computational graphs for backward. If you want to differentiate the same graph "
    "twice, you need to pass retain_graph=True to backward.")
NO_INPUTS = ("Check failed: xs.size() > 0 (0 vs. 0) : There are no inputs in computation "
             "graph that require gradients.")
INPLACE = (
    "Assigning to NDArrays that are already in a computational graph will cause undefined "
    "behavior when evaluating gradients. Please call backward first to clear the graph or do "
    "this out side of a record section. Also note that you cannot use inplace operations like "
    "+=, *=, relu(x, out=x), y[idx]=x, etc inside a record section.")

INPLACE_RECORD = ("Check failed: AGInfo: :IsNone(*output): Inplace operations (+=, -=, x[:]=, "
                  "etc) are not supported when recording with autograd.")
UNREACHABLE = ("Check failed: output_grads.find(xs[i].node.get()) != output_grads.end(): "
               "Cannot differentiate with respect to the {}-th variable because it is "
               "unreachable from the outputs.")

REQ_CODES = {"null": 0, "write": 1, "add": 3}


# ----------------------------------------------------------------------------- state
class _State(threading.local):
    def __init__(self):
        self.recording = False
        self.training = False


state = _State()


# ----------------------------------------------------------------------------- graph objects
class Leaf:
    """A marked variable: its gradient buffer (an NDArray) and grad_req."""

    __slots__ = ("grad", "req", "fresh", "live", "__weakref__")

    def __init__(self, grad, req: str):
        self.grad = grad    # None for a plain input that joined the graph as 'null'
        self.req = req
        self.fresh = 0
        self.live = True    # False once a backward without retain_graph released it


class Node:
    """One recorded operation."""

    __slots__ = ("vjp", "attrs", "dyn", "train", "inputs", "parents", "out_avals", "live",
                 "n_visible", "__weakref__")

    def __init__(self, vjp: "VJP", dyn, train, inputs, parents, out_avals, n_visible):
        self.vjp = vjp
        self.dyn = dyn
        self.train = train
        self.inputs = inputs
        self.parents = parents
        self.out_avals = out_avals
        self.n_visible = n_visible
        self.live = True


class Entry:
    """Output ``index`` of ``node``: what an NDArray in the graph points to."""

    __slots__ = ("node", "index")

    def __init__(self, node: Node, index: int):
        self.node = node
        self.index = index

    @property
    def live(self) -> bool:
        return self.node.live


def entry_of(nd):
    """The live graph entry of an NDArray, else None."""
    ag = nd._ag
    if ag is not None and ag.live:
        return ag
    return None


# ----------------------------------------------------------------------------- VJP rules
class VJP:
    """How to differentiate one kind of node: an operator with static attributes, and
    which of its inputs are differentiable (``mask``).

    ``kernel(train)`` is the compiled ``(inputs, dyn, cotangents) -> input cotangents``;
    ``as_op(train, n_in)`` is the same as an Op over (*inputs, *cotangents), recorded when
    ``create_graph`` is on so gradients can be differentiated again.
    """

    __slots__ = ("op", "static", "mask", "_kernels", "_ops")

    def __init__(self, op: Op, static: dict, mask: tuple):
        self.op, self.static, self.mask = op, static, mask
        self._kernels = {}
        self._ops = {}

    def _pull(self, train: bool) -> Callable:
        f = self.op.pure(self.static, train)
        mask = self.mask
        n_mut = len(self.op.mutate)

        def visible(*args):
            r = f(*args)
            r = tuple(r) if isinstance(r, (tuple, list)) else (r,)
            return r[:len(r) - n_mut] if n_mut else r

        def pull(inputs, dyn, cts):
            # integer inputs (see _mask): differentiate through a float copy, hand back
            # the gradient in the input's integer dtype, as MXNet does
            diff = [x for x, m in zip(inputs, mask) if m]
            ints = [jnp.issubdtype(x.dtype, jnp.integer) for x in diff]
            prim = [x.astype(jnp.float32) if i else x for x, i in zip(diff, ints)]

            def g(*d):
                it = iter(d)
                full = [next(it) if m else x for x, m in zip(inputs, mask)]
                return tuple(o.astype(jnp.float32) if jnp.issubdtype(o.dtype, jnp.integer)
                             else o for o in visible(*full, *dyn))

            outs, back = jax.vjp(g, *prim)
            res = back(tuple(jnp.asarray(c).astype(o.dtype) for c, o in zip(cts, outs)))
            return tuple(r.astype(x.dtype) if i else r for r, x, i in zip(res, diff, ints))

        return pull

    def kernel(self, train: bool, n_dyn: int) -> Callable:
        """Compiled ``f(*inputs, *dyn, *cotangents)`` (flat arguments: cheaper to call)."""
        k = self._kernels.get((train, n_dyn))
        if k is None:
            pull = self._pull(train)
            n_in = len(self.mask)

            def flat(*args):
                return pull(args[:n_in], args[n_in:n_in + n_dyn], args[n_in + n_dyn:])

            k = self._kernels[(train, n_dyn)] = jax.jit(flat)
        return k

    def as_op(self, train: bool, n_in: int) -> Op:
        op = self._ops.get((train, n_in))
        if op is None:
            pull = self._pull(train)
            dyn_names = self.op.dynamic

            def backward_fn(*args, **dyn_kw):
                dyn = tuple(dyn_kw[k] for k in dyn_names)
                return tuple(pull(tuple(args[:n_in]), dyn, tuple(args[n_in:])))

            from ..ops.attrs import Any_
            op = Op(f"_backward_{self.op.name}", backward_fn,
                    [f"in{i}" for i in range(n_in)],
                    attrs={k: Any_(None, dynamic=True) for k in dyn_names},
                    num_outputs=sum(self.mask), same_dtype=False, strict=False)
            self._ops[(train, n_in)] = op
        return op


_VJPS: dict = {}


def vjp_for(op: Op, attrs: dict, mask: tuple, static: tuple | None = None) -> VJP:
    """The VJP rule of ``op`` with these attributes and differentiable inputs (cached).
    ``static`` is ``op.static_key(attrs)`` when the caller has it already."""
    if static is None:
        static = tuple((k, v) for k, v in attrs.items() if k not in op.dynamic)
    key = (id(op), static, mask)
    v = _VJPS.get(key)
    if v is None:
        v = _VJPS[key] = VJP(op, dict(static), mask)
    return v


_INEXACT: dict = {}
_INTEGER: dict = {}


def _differentiable(x) -> bool:
    dt = x.dtype
    r = _INEXACT.get(dt)
    if r is None:
        r = _INEXACT[dt] = bool(jnp.issubdtype(dt, jnp.inexact))
    return r


def _is_integer(dt) -> bool:
    r = _INTEGER.get(dt)
    if r is None:
        r = _INTEGER[dt] = bool(jnp.issubdtype(dt, jnp.integer))
    return r


_DIFF: dict = {}   # (op, input dtypes) -> which inputs are differentiable by dtype


def _mask(op, arrays, parents) -> tuple:
    """Which inputs get a gradient: floating ones; integer ones too when every input has
    the same integer dtype and the op is a same-dtype op (int arithmetic: x*2, x+y).
    Inputs that are 'null' variables never need one (the backward kernel then skips the
    work, e.g. the data gradient of a first layer)."""
    key = (id(op),) + tuple(a.dtype for a in arrays)
    diff = _DIFF.get(key)
    if diff is None:
        if (arrays and op.same_dtype and _is_integer(arrays[0].dtype)
                and all(a.dtype == arrays[0].dtype for a in arrays)):
            diff = (True,) * len(arrays)
        else:
            diff = tuple(_differentiable(a) for a in arrays)
        if len(_DIFF) < 65536:
            _DIFF[key] = diff
    for p in parents:
        if type(p) is Leaf and p.req == "null":
            return tuple(d and not (type(q) is Leaf and q.req == "null")
                         for d, q in zip(diff, parents))
    return diff


# ----------------------------------------------------------------------------- recording
def record_op(op: Op, attrs: dict, dyn: tuple, arrays, inputs, outputs,
              static: tuple | None = None) -> None:
    """Called by the eager dispatcher after every operator call."""
    if not state.recording:
        return
    parents = None
    for i, x in enumerate(inputs):
        ag = x._ag
        if ag is not None and ag.live:
            if parents is None:
                parents = [None] * len(inputs)
            parents[i] = ag
    if parents is None:
        return
    for i, x in enumerate(inputs):  # MXNet: plain inputs join the graph as 'null' variables
        if parents[i] is None:
            parents[i] = x._ag = Leaf(None, "null")
    for o in outputs:  # e.g. `w += y` with a plain w: w just joined as an input
        ag = o._ag
        if ag is not None and ag.live:
            raise MXNetError(INPLACE_RECORD)
    # non-differentiable operators are recorded too (their inputs get zero gradients)
    mask = _mask(op, arrays, parents) if op.differentiable else (False,) * len(arrays)
    vjp = vjp_for(op, attrs, mask, static)
    node = Node(vjp, dyn, state.training if op.train_aware else False, tuple(arrays),
                parents, tuple((o._v.shape, o._v.dtype) if o._view is None
                               else (o.shape, o._dtype) for o in outputs), len(outputs))
    for i, o in enumerate(outputs):
        o._ag = Entry(node, i)


def check_inplace(nd) -> None:
    """Called after every in-place write: MXNet's error for graph arrays while recording
    (raised after the write, as MXNet does). Writing through a view counts for its root."""
    if state.recording and (entry_of(nd) is not None or (
            nd._view is not None and entry_of(nd._view.root) is not None)):
        raise MXNetError(INPLACE)


def record_view(src, view, opname: str, kwargs: dict) -> None:
    """A view of a graph array made while recording is recorded like the operator that
    would copy it (Reshape, _index), so gradients reach the source with its shape."""
    if state.recording and entry_of(src) is not None:
        from ..ops.registry import REGISTRY
        op = REGISTRY[opname]
        record_op(op, op.parse(kwargs), (), [src._raw()], [src], [view])


# ----------------------------------------------------------------------------- backward
def _topo(head_entries) -> list:
    """Nodes reachable from the heads, parents before children."""
    order, seen = [], set()
    stack = [(e.node, False) for e in head_entries if isinstance(e, Entry)]
    while stack:
        node, done = stack.pop()
        if done:
            order.append(node)
            continue
        if id(node) in seen:
            continue
        seen.add(id(node))
        stack.append((node, True))
        for p in node.parents:
            if isinstance(p, Entry) and id(p.node) not in seen:
                stack.append((p.node, False))
    return order


_jit_add = jax.jit(jnp.add)
_ONES: dict = {}


def _ones(h):
    """The default head gradient: ones like ``h`` (cached: made once per shape/device)."""
    key = (h.shape, h._dtype, h._ctx)
    v = _ONES.get(key)
    if v is None:
        if len(_ONES) > 256:
            _ONES.clear()
        v = _ONES[key] = jax.device_put(jnp.ones(key[0], key[1]), h._ctx.jax_device)
    return v


def _cast(x, dtype, ctx):
    """``x`` as ``dtype`` (deferred when ``x`` is)."""
    if x.dtype == dtype:
        return x
    if type(x) is _deferred.Pending:
        from ..ndarray.ndarray import _caster
        return _deferred.run(_caster(np.dtype(dtype).name), (x,), ctx)
    return x.astype(dtype)


def _accumulate(store: dict, key, value, add_fn):
    old = store.get(key)
    store[key] = value if old is None else add_fn(old, value)


def run_backward(heads, head_grads, variables=None, retain_graph=False,
                 create_graph=False, train_mode=True) -> list | None:
    """The backward pass. With ``variables`` return their gradients (autograd.grad);
    otherwise write the marked variables' buffers (autograd.backward)."""
    from ..ndarray.ndarray import NDArray, _wrap

    head_entries = []
    for h in heads:
        e = entry_of(h)
        if e is None:
            raise MXNetError(NOT_IN_GRAPH)
        head_entries.append(e)

    prev = (state.recording, state.training)
    state.recording, state.training = create_graph, train_mode
    ok = False
    order = []
    try:
        order = _topo(head_entries)
        # cotangents: keyed by (id(node), index) for node outputs, id(leaf) for leaves
        ct: dict = {}
        leaves: dict = {}
        head_vals = []
        ctx0 = heads[0]._ctx
        if create_graph:
            add = lambda a, b: a + b  # noqa: E731  (NDArrays: recorded addition)
        else:
            add = lambda a, b: _deferred.run(_jit_add, (a, b), ctx0)  # noqa: E731
        for h, e, g in zip(heads, head_entries, head_grads):
            if g is None:
                gval = _ones(h)
            else:
                gval = g._raw()
                if gval.shape != tuple(h.shape):
                    gval = _deferred.resolve(gval)
                    # MXNet does not check the shape: it reads the buffer as the head's shape
                    try:
                        gval = jnp.broadcast_to(gval, h.shape)
                    except ValueError:
                        if gval.size < h.size:
                            raise
                        gval = gval.reshape(-1)[:h.size].reshape(h.shape)
                gval = _cast(gval, h._dtype, ctx0)
            if create_graph:
                gval = g if (g is not None and g.shape == h.shape) else _wrap(gval, h._ctx)
            key = id(e) if isinstance(e, Leaf) else (id(e.node), e.index)
            if isinstance(e, Leaf):
                leaves[id(e)] = e
            head_vals.append(gval)
            _accumulate(ct, key, gval, add)

        wanted = None
        if variables is not None:
            wanted = {}
            for i, v in enumerate(variables):
                ag = v._ag
                if not isinstance(ag, Leaf) or ag.req == "null":
                    raise MXNetError(
                        "Check failed: !AGInfo: :IsNone(*variables[i]) && AGInfo::IsVariable("
                        "variables[i]->entry_.node): Cannot differentiate with respect to the "
                        f"{i + 1}-th variable because it does not require gradient.")
                wanted[id(ag)] = ag
            reachable = {id(p) for n in order for p in n.parents if isinstance(p, Leaf)}
            reachable.update(id(e) for e in head_entries if isinstance(e, Leaf))
            for i, v in enumerate(variables):
                if id(v._ag) not in reachable:
                    raise MXNetError(UNREACHABLE.format(i + 1))
        else:
            # is anything in this graph asking for a gradient?
            any_req = any(isinstance(p, Leaf) and p.req != "null"
                          for n in order for p in n.parents) or any(
                isinstance(e, Leaf) and e.req != "null" for e in head_entries)
            if not any_req:
                raise MXNetError(NO_INPUTS)

        fused = None
        if not create_graph and wanted is None:
            fused = _fused.run(order, head_entries, head_vals, Entry, Leaf, VJP, ctx0)
        if fused is not None:  # the whole backward as one compiled call
            grads, touched = fused
            for leaf in touched:
                leaves[id(leaf)] = leaf
            ct.update(grads)
        else:
            for node in reversed(order):
                cts = []
                anything = False
                for i, (shape, dtype) in enumerate(node.out_avals):
                    c = ct.pop((id(node), i), None)
                    if c is None:
                        c = jnp.zeros(shape, dtype)
                        if create_graph:
                            c = _wrap(c, heads[0]._ctx)
                    else:
                        anything = True
                    cts.append(c)
                if not anything or not node.live:
                    if not node.live:
                        raise MXNetError(NOT_IN_GRAPH)
                    continue
                if not any(node.vjp.mask):  # a non-differentiable operator: zero gradients
                    for p in node.parents:
                        if isinstance(p, Leaf) and p.req == "write":
                            leaves.setdefault(id(p), p)
                    continue
                grads = _pull(node, cts, create_graph, heads[0]._ctx)
                gi = iter(grads)
                for p, m in zip(node.parents, node.vjp.mask):
                    g = next(gi) if m else None
                    if p is None or g is None:
                        continue
                    if isinstance(p, Leaf):
                        if p.req == "null" and (wanted is None or id(p) not in wanted):
                            continue
                        leaves[id(p)] = p
                        _accumulate(ct, id(p), g, add)
                    else:
                        _accumulate(ct, (id(p.node), p.index), g, add)

        if wanted is not None:
            out = []
            for v in variables:
                ag = v._ag
                g = ct.get(id(ag))
                if g is None:
                    g = jnp.zeros(v.shape, v._dtype)
                if isinstance(g, NDArray):
                    out.append(g)
                else:
                    out.append(_wrap(g.astype(v._dtype), v._ctx))
            ok = True
            return out

        for lid, leaf in leaves.items():
            g = ct.get(lid)
            if leaf.req == "null":
                continue
            buf = leaf.grad
            if g is None:  # reached only through non-differentiable operators
                if leaf.req == "write":
                    buf._set(jnp.zeros(buf.shape, buf._dtype))
                    leaf.fresh = 1
                continue
            gval = _cast(g._raw() if isinstance(g, NDArray) else g, buf._dtype, buf._ctx)
            if leaf.req == "add":
                gval = _deferred.run(_jit_add, (buf._raw(), gval), buf._ctx)
            buf._set(gval)
            if create_graph and isinstance(g, NDArray):
                buf._ag = g._ag  # the buffer holds a differentiable value
            leaf.fresh = 1
        ok = True
        return None
    finally:
        state.recording, state.training = prev
        if ok and not retain_graph:
            for node in order:
                for p in node.parents:  # 'null' variables leave the graph, as in MXNet
                    if isinstance(p, Leaf) and p.req == "null":
                        p.live = False
                node.live = False
                node.inputs = None
                release = getattr(node.vjp, "release", None)
                if release is not None:
                    release()
            for e in head_entries:
                if isinstance(e, Leaf) and e.req == "null":
                    e.live = False


def _pull(node: Node, cts: list, create_graph: bool, ctx) -> Sequence:
    from ..ndarray.ndarray import NDArray
    vjp = node.vjp
    if getattr(vjp, "custom", False):
        return vjp.pullback(node, cts, create_graph)
    if not create_graph:
        raw = [c._raw() if isinstance(c, NDArray) else c for c in cts]
        return _deferred.run(vjp.kernel(node.train, len(node.dyn)),
                             (*node.inputs, *node.dyn, *raw), ctx)
    # create_graph: run the VJP as a recorded operator over NDArrays tied to the parents
    from ..ndarray._invoke import invoke
    from ..ndarray.ndarray import _wrap
    ins = []
    for x, p in zip(node.inputs, node.parents):
        nd = _wrap(x, ctx)
        nd._ag = p
        ins.append(nd)
    ct_nds = [c if isinstance(c, NDArray) else _wrap(c, ctx) for c in cts]
    op = vjp.as_op(node.train, len(ins))
    kwargs = dict(zip(vjp.op.dynamic, node.dyn))
    res = invoke(op, ins + ct_nds, kwargs)
    return res if isinstance(res, (list, tuple)) else [res]

