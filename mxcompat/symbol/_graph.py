"""A Symbol's graph as one pure JAX function ``run(args, auxs, key, train)``.

``Plan`` walks the graph once and keeps, per operator node, the operator's pure function
inputs; ``run`` is traced by ``jax.jit`` in the executor. Random operators draw from the
``key`` argument through ``rng.key_scope``; operators that update inputs in place
(BatchNorm's moving statistics) return the new values of those auxiliary states.
"""
from __future__ import annotations

import jax

from .._backend import rng as _rng
from ..base import MXNetError
from . import _node

__all__ = ["Plan"]


class _Step:
    __slots__ = ("node", "op", "attrs", "dyn", "refs", "n_vis", "updates")

    def __init__(self, node, refs, updates):
        self.node = node
        self.op = node.op
        self.attrs = node.parsed()
        self.dyn = tuple(self.attrs[k] for k in self.op.dynamic if k != "key")
        self.refs = refs            # per input: ("a", i) | ("x", i) | ("n", step, out)
        self.n_vis = _node.visible_outputs(node)
        self.updates = updates      # [(position among mutate results, aux index)]


class Plan:
    """The evaluation order of one Symbol (argument/aux order as list_arguments)."""

    def __init__(self, sym):
        self.sym = sym
        arg_nodes, aux_nodes = sym._variables()
        self.arg_names = [n.name for n in arg_nodes]
        self.aux_names = [n.name for n in aux_nodes]
        arg_ix = {id(n): i for i, n in enumerate(arg_nodes)}
        aux_ix = {id(n): i for i, n in enumerate(aux_nodes)}
        step_ix = {}
        self.steps = []
        for node in sym._topo():
            if node.op is None:
                continue
            refs = []
            for c, i, _ in node.inputs:
                if c.op is None:
                    refs.append(("a", arg_ix[id(c)]) if id(c) in arg_ix
                                else ("x", aux_ix[id(c)]))
                else:
                    refs.append(("n", step_ix[id(c)], i))
            updates = []
            if node.op.mutate:
                names = _node.input_names(node.op, node.parsed(), len(node.inputs))
                for j, m in enumerate(node.op.mutate):
                    if m in names:
                        ref = refs[names.index(m)]
                        if ref[0] == "x":
                            updates.append((j, ref[1]))
            step_ix[id(node)] = len(self.steps)
            self.steps.append(_Step(node, refs, updates))
        self.heads = []
        for n, i in sym._outputs:
            if n.op is None:
                self.heads.append(("a", arg_ix[id(n)]) if id(n) in arg_ix
                                  else ("x", aux_ix[id(n)]))
            else:
                self.heads.append(("n", step_ix[id(n)], i))
        self.loss_heads = tuple(n.op is not None and n.op.name in _node.LOSS_OPS
                                for n, _ in sym._outputs)

    def run(self, args, auxs, key, train: bool):
        """(outputs, new aux values) -- pure; trace it under jax.jit."""
        auxs = list(auxs)
        results = []

        def get(ref):
            if ref[0] == "a":
                return args[ref[1]]
            if ref[0] == "x":
                return auxs[ref[1]]
            return results[ref[1]][ref[2]]

        with _rng.key_scope(key):
            for st in self.steps:
                op = st.op
                ins = [get(r) for r in st.refs]
                dyn = list(st.dyn)
                if op.needs_key:
                    nk = op.needs_key
                    dyn.append(_rng.next_key() if nk is True or nk(st.attrs, train)
                               else _rng.placeholder_key())
                try:
                    res = op.pure(st.attrs, train)(*ins, *dyn)
                except MXNetError as exc:
                    raise MXNetError(f"Error in operator {st.node.name}: {exc}") from None
                except (TypeError, ValueError) as exc:
                    msg = None
                    if op.explain is not None:
                        try:
                            msg = op.explain(ins, st.attrs)
                        except Exception:
                            msg = None
                    raise MXNetError(f"Error in operator {st.node.name}: "
                                     + (msg or str(exc))) from None
                res = list(res) if isinstance(res, (tuple, list)) else [res]
                if op.mutate:
                    k = len(op.mutate)
                    new = res[-k:]
                    res = res[:-k]
                    if train:
                        for j, aux_i in st.updates:
                            auxs[aux_i] = new[j].astype(auxs[aux_i].dtype)
                results.append(res)
        outs = [get(h) for h in self.heads]
        return outs, auxs

