"""Symbol JSON: ``tojson`` byte-identical to MXNet 1.9.1, and ``load_json`` of the JSON
MXNet 1.x wrote (old files with ``attr``/``param`` instead of ``attrs`` included).

The writer follows dmlc's JSONWriter: two-space indentation, ``", \\n"`` between the items
of a multi-line container, maps with one entry and arrays of up to ten entries inline,
map keys sorted.
"""
from __future__ import annotations

import json

from ..base import MXNetError
from . import _node
from ._node import Node
from .symbol import Symbol

__all__ = ["to_json", "load_json", "load"]

MXNET_VERSION = 10901


def _s(text: str) -> str:
    out = ['"']
    for ch in text:
        if ch == '"':
            out.append('\\"')
        elif ch == "\\":
            out.append("\\\\")
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\r":
            out.append("\\r")
        elif ch == "\t":
            out.append("\\t")
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)


def _array(items: list[str], indent: str) -> str:
    """An array of already-written items (multi-line past ten entries)."""
    if len(items) > 10:
        inner = indent + "  "
        return "[\n" + inner + (", \n" + inner).join(items) + "\n" + indent + "]"
    return "[" + ", ".join(items) + "]"


def _map(pairs: list[tuple[str, str]], indent: str) -> str:
    if len(pairs) == 1:
        k, v = pairs[0]
        return "{" + _s(k) + ": " + v + "}"
    if not pairs:
        return "{}"
    inner = indent + "  "
    body = (", \n").join(inner + _s(k) + ": " + v for k, v in pairs)
    return "{\n" + body + "\n" + indent + "}"


def _entry(e) -> str:
    return "[" + ", ".join(str(int(x)) for x in e) + "]"


def to_json(sym: Symbol) -> str:
    order = sym._topo()
    index = {id(n): i for i, n in enumerate(order)}
    node_texts = []
    ind = "    "  # inside "nodes": [ ... ]
    for n in order:
        fields = [("op", _s(_node.json_op_name(n.op) if n.op else "null")),
                  ("name", _s(n.name))]
        if n.attrs:
            fields.append(("attrs", _map(sorted((k, _s(v)) for k, v in n.attrs.items()),
                                         ind + "  ")))
        inputs = [_entry((index[id(c)], i, v)) for c, i, v in n.inputs]
        fields.append(("inputs", _array(inputs, ind + "  ")))
        node_texts.append("{\n" + ", \n".join(ind + "  " + _s(k) + ": " + v
                                              for k, v in fields) + "\n" + ind + "}")
    arg_nodes = [str(i) for i, n in enumerate(order) if n.op is None]
    row, acc = ["0"], 0
    for n in order:
        acc += _node.total_outputs(n)
        row.append(str(acc))
    heads = [_entry((index[id(n)], i, 0)) for n, i in sym._outputs]
    top = [
        ("nodes", "[\n" + ", \n".join("    " + t for t in node_texts) + "\n  ]"
         if node_texts else "[]"),
        ("arg_nodes", _array(arg_nodes, "  ")),
        ("node_row_ptr", _array(row, "  ")),
        ("heads", _array(heads, "  ")),
        ("attrs", '{"mxnet_version": ["int", %d]}' % MXNET_VERSION),
    ]
    return "{\n" + ", \n".join("  " + _s(k) + ": " + v for k, v in top) + "\n}"


# ------------------------------------------------------------------------------ loading
def _node_attrs(raw: dict) -> dict:
    attrs = {}
    for key in ("param", "attr", "attrs"):  # old files: param (op) + attr (user)
        d = raw.get(key)
        if d:
            attrs.update({str(k): str(v) for k, v in d.items()})
    return attrs


def load_json(json_str: str) -> Symbol:
    """The Symbol described by MXNet's JSON text."""
    if not isinstance(json_str, str):
        raise TypeError("fname required to be string")
    try:
        graph = json.loads(json_str)
    except ValueError as exc:
        raise MXNetError(f"Failed to parse symbol JSON: {exc}") from None
    nodes: list[Node] = []
    for raw in graph["nodes"]:
        op_name = raw.get("op", "null")
        attrs = _node_attrs(raw)
        inputs = []
        for e in raw.get("inputs", []):
            src = nodes[e[0]]
            inputs.append((src, e[1], e[2] if len(e) > 2 else 0))
        if op_name == "null":
            node = Node(None, raw["name"], attrs)
        else:
            op = _node.lookup_op(op_name)
            node = Node(op, raw["name"], attrs, inputs)
            node.parsed()  # validates the attributes now, as MXNet does
        nodes.append(node)
    for n in nodes:  # variable versions: how often an operator updates them
        for c, _, v in n.inputs:
            if c.op is None and v > c.version:
                c.version = v
    heads = graph.get("heads")
    if heads is None:
        heads = [[len(nodes) - 1, 0]]
    return Symbol([(nodes[h[0]], h[1]) for h in heads])


def load(fname: str) -> Symbol:
    if not isinstance(fname, str):
        raise TypeError("fname need to be string")
    with open(fname) as f:
        return load_json(f.read())
