"""``mx.viz``: a text summary of a Symbol (``print_summary``) and a graphviz drawing of it
(``plot_network``), both read from the symbol's JSON as MXNet 1.9.1 does.

The table follows MXNet's layout and quirks exactly: parameter counts only for
Convolution, FullyConnected, BatchNorm (needs ``shape``) and Embedding; the input count of
a layer is the first dimension after the batch of each previous layer's output; the
"head" test reads the three numbers of the first head entry.
"""
from __future__ import annotations

import copy
import json
import re
import warnings

from .symbol.symbol import Symbol

__all__ = ["print_summary", "plot_network"]


def _numbers(text: str) -> list:
    """The integers in an attribute string such as ``(3, 3)``."""
    return re.findall(r"\d+", text)


def _output_shapes(symbol: Symbol, shape: dict) -> dict:
    internals = symbol.get_internals()
    _, out_shapes, _ = internals.infer_shape(**shape)
    if out_shapes is None:
        raise ValueError("Input shape is incomplete")
    return dict(zip(internals.list_outputs(), out_shapes))


def _row(fields, positions) -> str:
    line = ""
    for field, stop in zip(fields, positions):
        line = (line + str(field))[:stop]
        line += " " * (stop - len(line))
    return line


def _param_count(node: dict, in_channels: int, shapes: dict | None) -> int:
    op, attrs = node["op"], node.get("attrs", {})
    if op == "Convolution":
        n = in_channels * int(attrs["num_filter"]) // int(attrs.get("num_group", "1"))
        for k in _numbers(attrs["kernel"]):
            n *= int(k)
        if attrs.get("no_bias") != "True":
            n += int(attrs["num_filter"])
        return n
    if op == "FullyConnected":
        units = int(attrs["num_hidden"])
        return in_channels * units if attrs.get("no_bias") == "True" else \
            (in_channels + 1) * units
    if op == "BatchNorm":
        return int(shapes[node["name"] + "_output"][1]) * 2 if shapes is not None else 0
    if op == "Embedding":
        return int(attrs["input_dim"]) * int(attrs["output_dim"])
    return 0


def print_summary(symbol: Symbol, shape: dict | None = None, line_length: int = 120,
                  positions=(.44, .64, .74, 1.)) -> None:
    """Print each layer's name and type, output shape (when ``shape`` gives the input
    shapes), parameter count and previous layers, then the total."""
    if not isinstance(symbol, Symbol):
        raise TypeError("symbol must be Symbol")
    shapes = _output_shapes(symbol, shape) if shape is not None else None
    graph = json.loads(symbol.tojson())
    nodes = graph["nodes"]
    heads = set(graph["heads"][0])   # (MXNet's test: the numbers of the first head entry)
    positions = list(positions)
    if positions[-1] <= 1:
        positions = [int(line_length * p) for p in positions]

    def shape_of(node: dict):
        key = node["name"] + ("_output" if node["op"] != "null" else "")
        if shapes is not None and key in shapes:
            return shapes[key][1:]
        return None

    print("_" * line_length)
    print(_row(["Layer (type)", "Output Shape", "Param #", "Previous Layer"], positions))
    print("=" * line_length)
    total = 0
    for i, node in enumerate(nodes):
        op = node["op"]
        if op == "null" and i > 0:
            continue
        out_shape = []
        if op != "null" or i in heads:
            out_shape = shape_of(node) or []
        previous, in_channels = [], 0
        if op != "null":
            for entry in node["inputs"]:
                src = nodes[entry[0]]
                if src["op"] != "null" or entry[0] in heads:
                    previous.append(src["name"])
                    s = shape_of(src)
                    if s is not None:
                        in_channels += int(s[0])
        count = _param_count(node, in_channels, shapes)
        total += count
        print(_row([node["name"] + "(" + op + ")", "x".join(str(d) for d in out_shape),
                    count, previous[0] if previous else ""], positions))
        for name in previous[1:]:
            print(_row(["", "", "", name], positions))
        print(("=" if i == len(nodes) - 1 else "_") * line_length)
    print("Total params: {params}".format(params=total))
    print("_" * line_length)


_COLORS = ("#8dd3c7", "#fb8072", "#ffffb3", "#bebada", "#80b1d3", "#fdb462", "#b3de69",
           "#fccde5")
_WEIGHT_SUFFIXES = ("_weight", "_bias", "_beta", "_gamma", "_moving_var", "_moving_mean",
                    "_running_var", "_running_mean")


def _label_and_color(node: dict) -> tuple:
    op, name, attrs = node["op"], node["name"], node.get("attrs", {})
    if op == "Convolution":
        stride = "x".join(_numbers(attrs["stride"])) if "stride" in attrs else "1"
        return ("Convolution\n{}/{}, {}".format("x".join(_numbers(attrs["kernel"])), stride,
                                                 attrs["num_filter"]), _COLORS[1])
    if op == "FullyConnected":
        return "FullyConnected\n{}".format(attrs["num_hidden"]), _COLORS[1]
    if op == "BatchNorm":
        return name, _COLORS[3]
    if op == "Activation":
        return "Activation\n{}".format(attrs["act_type"]), _COLORS[2]
    if op == "LeakyReLU":
        return "LeakyReLU\n{}".format(attrs.get("act_type", "Leaky")), _COLORS[2]
    if op == "Pooling":
        kernel = "x".join(_numbers(attrs["kernel"])) if "kernel" in attrs else "[]"
        stride = "x".join(_numbers(attrs["stride"])) if "stride" in attrs else "1"
        return "Pooling\n{}, {}/{}".format(attrs["pool_type"], kernel, stride), _COLORS[4]
    if op in ("Concat", "Flatten", "Reshape"):
        return name, _COLORS[5]
    if op == "Softmax":
        return name, _COLORS[6]
    return (attrs["op_type"] if op == "Custom" else name), _COLORS[7]


def _edge_key(node: dict) -> str:
    if node["op"] == "null":
        return node["name"]
    key = node["name"] + "_output"
    n_out = node.get("attrs", {}).get("num_outputs")
    return key + str(int(n_out) - 1) if n_out is not None else key


def plot_network(symbol: Symbol, title: str = "plot", save_format: str = "pdf",
                 shape: dict | None = None, dtype: dict | None = None,
                 node_attrs: dict | None = None, hide_weights: bool = True):
    """The graph as a ``graphviz.Digraph`` (needs the ``graphviz`` Python package); edges
    are labelled with shapes/dtypes when ``shape``/``dtype`` give the inputs'."""
    try:
        from graphviz import Digraph
    except ImportError:
        raise ImportError("Draw network requires graphviz library (mx.viz.plot_network: "
                          "pip install graphviz)") from None
    if not isinstance(symbol, Symbol):
        raise TypeError("symbol must be a Symbol")
    internals = symbol.get_internals()
    shapes = _output_shapes(symbol, shape) if shape is not None else None
    types = None
    if dtype is not None:
        _, out_types, _ = internals.infer_type(**dtype)
        if out_types is None:
            raise ValueError("Input type is incomplete")
        types = dict(zip(internals.list_outputs(), out_types))
    nodes = json.loads(symbol.tojson())["nodes"]
    names = [n["name"] for n in nodes]
    if len(names) != len(set(names)):
        seen: set = set()
        repeated = {n for n in names if n in seen or seen.add(n)}
        warnings.warn("There are multiple variables with the same name in your graph, this "
                      "may result in cyclic graph. Repeated names: " + ",".join(repeated),
                      RuntimeWarning)
    base_attr = {"shape": "box", "fixedsize": "true", "width": "1.3", "height": "0.8034",
                 "style": "filled"}
    base_attr.update(node_attrs or {})
    dot = Digraph(name=title, format=save_format)
    hidden = set()
    for node in nodes:
        attr = copy.deepcopy(base_attr)
        if node["op"] == "null":
            if node["name"].endswith(_WEIGHT_SUFFIXES):
                if hide_weights:
                    hidden.add(node["name"])
                continue
            attr["shape"] = "oval"
            label, attr["fillcolor"] = node["name"], _COLORS[0]
        else:
            label, attr["fillcolor"] = _label_and_color(node)
        dot.node(name=node["name"], label=label, **attr)
    for node in nodes:
        if node["op"] == "null":
            continue
        inputs = node["inputs"]
        if node["op"] == "_contrib_BilinearResize2D":
            inputs = inputs[:1]
        for entry in inputs:
            src = nodes[entry[0]]
            if src["name"] in hidden:
                continue
            attr = {"dir": "back", "arrowtail": "open", "label": ""}
            key = _edge_key(src)
            if shapes is not None:
                attr["label"] = "x".join(str(d) for d in shapes[key][1:])
            if types is not None:
                attr["label"] += "(" + types[key].__name__ + ")"
            dot.edge(tail_name=node["name"], head_name=src["name"], **attr)
    return dot
