"""Fused backward: the whole backward pass of a recurring graph as ONE compiled call.

A training loop records the same graph every iteration. The per-node backward calls one
compiled VJP kernel per node (about 10 µs of dispatch each); here, once a graph
*structure* (the nodes' VJP rules, how they connect, their output shapes, the leaves'
grad_req) has been seen twice, its whole backward pass is traced into one ``jax.jit``
function of (node inputs, node dynamic values, head gradients) returning the leaves'
gradients. Later backward passes over the same structure are one call.

Only plain operator nodes take part; a graph with a custom node (autograd.Function, a
hybridized block), ``create_graph`` or ``autograd.grad`` runs through the per-node path.
The result equals the per-node path's: the same VJP rules, added up in the same order.
"""
from __future__ import annotations

import jax
import jax.numpy as jnp

from .._backend import deferred as _deferred

__all__ = ["run"]

_SEEN: dict = {}       # structure key -> times seen (before compiling)
_CACHE: dict = {}      # structure key -> _Fused
_MAX = 512


class _Fused:
    """The compiled backward of one structure, plus what tracing learnt about it."""

    def __init__(self, parts, n_leaves, leaf_reqs, heads):
        self.parts = parts
        self.n_leaves = n_leaves
        self.leaf_reqs = leaf_reqs
        self.heads = heads
        self.touched = None     # leaves reached (maybe only through non-differentiable ops)
        self.fn = jax.jit(self._body)

    def _body(self, inputs, dyns, head_vals):
        ct: dict = {}

        def acc(key, g):
            old = ct.get(key)
            ct[key] = g if old is None else old + g

        for h, g in zip(self.heads, head_vals):
            acc(h, g)
        touched = set()
        for i in range(len(self.parts) - 1, -1, -1):
            vjp, train, pd, avals = self.parts[i]
            cts, anything = [], False
            for k, (shape, dtype) in enumerate(avals):
                c = ct.pop((i, k), None)
                if c is None:
                    c = jnp.zeros(shape, dtype)
                else:
                    anything = True
                cts.append(c)
            if not anything:
                continue
            if getattr(vjp, "fused_pull", None) is not None:   # a hybridized block
                grads = vjp.fused_pull(inputs[i], cts)
            elif not any(vjp.mask):  # non-differentiable: 'write' leaves get zeros
                for p in pd:
                    if p is not None and p[0] == -1 and self.leaf_reqs[p[1]] == "write":
                        touched.add(p[1])
                continue
            else:
                grads = vjp._pull(train)(inputs[i], dyns[i], cts)
            gi = iter(grads)
            for p, m in zip(pd, vjp.mask):
                g = next(gi) if m else None
                if p is None or g is None:
                    continue
                if p[0] == -1:
                    if self.leaf_reqs[p[1]] == "null":
                        continue
                    touched.add(p[1])
                    acc(("L", p[1]), g)
                else:
                    acc(p, g)
        self.touched = tuple(sorted(touched))
        return [ct.get(("L", k)) for k in range(self.n_leaves)]


def _structure(order, head_entries, Entry, Leaf, VJP):
    """(key, parts, leaves, inputs, dyns) of the graph, or None if it cannot be fused."""
    index = {}
    leaf_index = {}
    leaves = []
    parts = []
    inputs = []
    dyns = []
    for i, n in enumerate(order):
        vjp = n.vjp
        if not n.live:
            return None
        if type(vjp) is not VJP:
            rule = getattr(vjp, "fusable", None)   # a hybridized block's residual pullback
            if rule is None:
                return None
            parts_rule, residuals = rule()
        else:
            parts_rule, residuals = vjp, n.inputs
        index[id(n)] = i
        pd = []
        for p in n.parents:
            t = type(p)
            if t is Entry:
                j = index.get(id(p.node))
                if j is None:
                    return None
                pd.append((j, p.index))
            elif t is Leaf:
                k = leaf_index.get(id(p))
                if k is None:
                    k = leaf_index[id(p)] = len(leaves)
                    leaves.append(p)
                pd.append((-1, k))
            else:
                pd.append(None)
        parts.append((parts_rule, n.train, tuple(pd), n.out_avals))
        inputs.append(residuals)
        dyns.append(n.dyn)
    heads = []
    for e in head_entries:
        if type(e) is not Entry:
            return None
        heads.append((index[id(e.node)], e.index))
    reqs = tuple(leaf.req for leaf in leaves)
    key = (tuple(parts), reqs, tuple(heads))
    return key, parts, leaves, reqs, heads, inputs, dyns


def run(order, head_entries, head_vals, Entry, Leaf, VJP, ctx=None):
    """Leaf gradients ``{id(leaf): array}`` and the touched leaves, or None when this
    graph goes through the per-node path (not fusable, or not seen often enough yet)."""
    st = _structure(order, head_entries, Entry, Leaf, VJP)
    if st is None:
        return None
    key, parts, leaves, reqs, heads, inputs, dyns = st
    fused = _CACHE.get(key)
    if fused is None:
        seen = _SEEN.get(key, 0) + 1
        if seen < 2:
            if len(_SEEN) > 4 * _MAX:
                _SEEN.clear()
            _SEEN[key] = seen
            return None
        _SEEN.pop(key, None)
        if len(_CACHE) >= _MAX:
            _CACHE.clear()
        fused = _CACHE[key] = _Fused(parts, len(leaves), reqs, heads)
    out = _deferred.run_tree(fused.fn, (inputs, dyns, list(head_vals)), ctx)
    grads = {id(leaves[k]): g for k, g in enumerate(out) if g is not None}
    touched = [leaves[k] for k in fused.touched]
    return grads, touched
