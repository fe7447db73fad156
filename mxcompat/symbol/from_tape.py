"""``autograd.get_symbol``: the recorded history of an NDArray as a Symbol.

Marked variables and plain inputs become variables named ``var<N>``, recorded operations
nodes named ``node_<N>``; the counters are process-wide and a name, once given to a tape
object, stays with it (MXNet names them when they are recorded, so its numbers can differ
from ours). Attributes are written back in MXNet's string forms; those still at their
default value are left out, as MXNet keeps only the ones the caller passed.
"""
from __future__ import annotations

import itertools
import weakref

from ..autograd import tape as _tape
from ..base import MXNetError
from ..ndarray.ndarray import NDArray
from ..ops.attrs import REQUIRED
from ._node import Node
from .symbol import Symbol

__all__ = ["get_symbol"]

_VAR_COUNT = itertools.count()
_NODE_COUNT = itertools.count()
_NAMES: "weakref.WeakKeyDictionary" = weakref.WeakKeyDictionary()

_NOT_IN_GRAPH = ("Check failed: !Imperative: :AGInfo::IsNone(*this): NDArray is not part of "
                 "a computation graph. Did you forget to turn on recording?")


def _name_of(obj, prefix: str, counter) -> str:
    name = _NAMES.get(obj)
    if name is None:
        name = _NAMES[obj] = f"{prefix}{next(counter)}"
    return name


def _attr_strings(op, static: dict, dyn: tuple) -> dict:
    values = dict(static)
    dyn_names = [k for k in op.dynamic if k != "key"]
    values.update(zip(dyn_names, dyn))
    out = {}
    for k, spec in op.attrs.items():
        if k not in values or k == "key":
            continue
        v = values[k]
        if spec.default is not REQUIRED and _same(v, spec.default):
            continue
        out[k] = spec.to_str(v)
    return out


def _same(a, b) -> bool:
    try:
        return bool(a == b) and type(a) is type(b) or (a is None and b is None)
    except Exception:
        return False


def get_symbol(x) -> Symbol:
    """The Symbol of the operations that computed ``x`` (before backward frees them)."""
    assert isinstance(x, NDArray), ("get_symbol: Invalid argument type, expecting "
                                    f"<class 'mxnet.ndarray.ndarray.NDArray'>, got {type(x)}")
    head = _tape.entry_of(x)
    if not isinstance(head, _tape.Entry):
        raise MXNetError(_NOT_IN_GRAPH)
    built: dict = {}

    def leaf_node(leaf):
        n = built.get(id(leaf))
        if n is None:
            n = built[id(leaf)] = Node(None, _name_of(leaf, "var", _VAR_COUNT))
        return n

    # iterative post-order over the tape (parents before children)
    stack = [(head.node, False)]
    while stack:
        tnode, done = stack.pop()
        if id(tnode) in built:
            continue
        if not done:
            stack.append((tnode, True))
            for p in reversed(tnode.parents):
                if isinstance(p, _tape.Entry) and id(p.node) not in built:
                    stack.append((p.node, False))
            continue
        vjp = tnode.vjp
        op = getattr(vjp, "op", None)
        if op is None or getattr(vjp, "custom", False):
            raise NotImplementedError("autograd.get_symbol of a hybridized block or an "
                                      "autograd.Function call is not supported by mxcompat")
        inputs = []
        for p in tnode.parents:
            if isinstance(p, _tape.Entry):
                inputs.append((built[id(p.node)], p.index, 0))
            else:
                inputs.append((leaf_node(p), 0, 0))
        attrs = _attr_strings(op, vjp.static, tnode.dyn)
        node = Node(op, _name_of(tnode, "node_", _NODE_COUNT), attrs, inputs)
        built[id(tnode)] = node
    return Symbol([(built[id(head.node)], head.index)])
