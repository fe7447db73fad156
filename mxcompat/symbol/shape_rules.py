"""Parameter shape inference: the shapes of weights, biases and statistics that MXNet
deduces from the data shape and the operator's attributes.

``SHAPE_RULES[op_name](shapes, attrs) -> shapes``: ``shapes`` lists the input shapes in
the operator's input order (``None`` where unknown), ``attrs`` the parsed attributes; the
rule returns the list with the shapes it can deduce filled in, and raises
``ShapeInconsistent`` when a given shape disagrees with the deduced one. Output shapes are
not defined here: they come from ``jax.eval_shape`` of the operator itself. Gluon's
deferred initialisation can use the same table.
"""
from __future__ import annotations

from math import prod
from typing import Callable

from ..ops.rnn import param_size

__all__ = ["SHAPE_RULES", "ShapeInconsistent", "ELEMWISE", "fill"]


class ShapeInconsistent(Exception):
    """A given input shape differs from the one the operator's rule deduces."""

    def __init__(self, index: int, provided: tuple, inferred: tuple, kind: str = "shape"):
        super().__init__(index, provided, inferred)
        self.index, self.provided, self.inferred, self.kind = index, provided, inferred, kind

    def message(self, node_name: str) -> str:
        if self.kind == "elemwise":
            return (f"Incompatible attr in node {node_name} at {self.index}-th input: "
                    f"expected {_brackets(self.inferred)}, got {_brackets(self.provided)}")
        return (f"Shape inconsistent, Provided = {_brackets(self.provided)}, inferred shape="
                f"({','.join(str(d) for d in self.inferred)})")


def _brackets(shape) -> str:
    return "[" + ",".join(str(d) for d in shape) + "]"


def fill(shapes: list, i: int, inferred: tuple) -> None:
    """Set input ``i`` to ``inferred``, or check it against the given shape."""
    if i >= len(shapes):
        return
    inferred = tuple(int(d) for d in inferred)
    if shapes[i] is None:
        shapes[i] = inferred
    elif tuple(shapes[i]) != inferred:
        raise ShapeInconsistent(i, tuple(shapes[i]), inferred)


def _fully_connected(s, a):
    d = s[0]
    if d is None:
        return s
    n = a["num_hidden"]
    fill(s, 1, (n, prod(d[1:]) if a["flatten"] else d[-1]))
    if not a["no_bias"]:
        fill(s, 2, (n,))
    return s


def _channel_axis(a, ndim):
    layout = a.get("layout")
    return ndim - 1 if layout and layout.endswith("C") else 1


def _convolution(s, a):
    d = s[0]
    if d is None:
        return s
    c = d[_channel_axis(a, len(d))]
    k = tuple(a["kernel"])
    nf, g = a["num_filter"], a["num_group"]
    layout = a.get("layout")
    if layout and layout.endswith("C"):
        fill(s, 1, (nf,) + k + (c // g,))
    else:
        fill(s, 1, (nf, c // g) + k)
    if not a["no_bias"]:
        fill(s, 2, (nf,))
    return s


def _deconvolution(s, a):
    d = s[0]
    if d is None:
        return s
    c = d[_channel_axis(a, len(d))]
    k = tuple(a["kernel"])
    nf, g = a["num_filter"], a["num_group"]
    fill(s, 1, (c, nf // g) + k)
    if not a["no_bias"]:
        fill(s, 2, (nf,))
    return s


def _per_axis(default_axis: int | None, n: int):
    """gamma/beta (and moving statistics) of the size of the data's ``axis``."""

    def rule(s, a):
        d = s[0]
        if d is None:
            return s
        axis = a.get("axis", default_axis)
        c = d[axis % len(d)]
        for i in range(1, n + 1):
            fill(s, i, (c,))
        return s
    return rule


def _group_norm(s, a):
    if s[0] is not None:
        fill(s, 1, (a["num_groups"],))
        fill(s, 2, (a["num_groups"],))
    return s


def _embedding(s, a):
    fill(s, 1, (a["input_dim"], a["output_dim"]))
    return s


def _leaky_relu(s, a):
    d = s[0]
    if d is not None and a.get("act_type") == "prelu" and len(s) > 1:
        fill(s, 1, (d[1] if len(d) > 1 else 1,))
    return s


def _rnn(s, a):
    d = s[0]
    if d is None:
        return s
    dirs = 2 if a["bidirectional"] else 1
    hidden, proj = a["state_size"], a.get("projection_size")
    fill(s, 1, (param_size(a["mode"], a["num_layers"], d[2], hidden, a["bidirectional"],
                           proj),))
    fill(s, 2, (a["num_layers"] * dirs, d[1], proj or hidden))
    i = 3
    if a["mode"] == "lstm":
        fill(s, 3, (a["num_layers"] * dirs, d[1], hidden))
        i = 4
    if a.get("use_sequence_length"):
        fill(s, i, (d[1],))
    return s


def _softmax_output(s, a):
    d = s[0]
    if d is None:
        return s
    if a.get("multi_output"):
        fill(s, 1, (d[0], prod(d[2:])))
    else:
        fill(s, 1, tuple(d[:-1]))
    return s


def _same_as_data(s, a):
    if s[0] is not None:
        fill(s, 1, tuple(s[0]))
    return s


def _batch_label(s, a):
    if s[0] is not None:
        fill(s, 1, (s[0][0],))
    return s


def _sequence(s, a):
    if s[0] is not None and a.get("use_sequence_length") and len(s) > 1:
        fill(s, 1, (s[0][1 if a.get("axis", 0) == 0 else 0],))
    return s


def _elemwise(s, a):
    """Inputs of element-wise operators share one shape."""
    known = next((x for x in s if x is not None), None)
    if known is None:
        return s
    for i, x in enumerate(s):
        if x is None:
            s[i] = tuple(known)
        elif tuple(x) != tuple(known):
            raise ShapeInconsistent(i, tuple(x), tuple(known), kind="elemwise")
    return s


ELEMWISE = ("elemwise_add", "elemwise_sub", "elemwise_mul", "elemwise_div", "_power",
            "_mod", "_maximum", "_minimum", "_hypot", "_equal", "_not_equal", "_greater",
            "_greater_equal", "_lesser", "_lesser_equal", "_logical_and", "_logical_or",
            "_logical_xor", "add_n", "_grad_add")

SHAPE_RULES: dict[str, Callable] = {
    "FullyConnected": _fully_connected,
    "Convolution": _convolution,
    "Deconvolution": _deconvolution,
    "BatchNorm": _per_axis(1, 4),
    "LayerNorm": _per_axis(-1, 2),
    "InstanceNorm": _per_axis(1, 2),
    "GroupNorm": _group_norm,
    "Embedding": _embedding,
    "LeakyReLU": _leaky_relu,
    "RNN": _rnn,
    "SoftmaxOutput": _softmax_output,
    "LinearRegressionOutput": _same_as_data,
    "LogisticRegressionOutput": _same_as_data,
    "MAERegressionOutput": _same_as_data,
    "softmax_cross_entropy": _batch_label,
    "SequenceMask": _sequence,
    "SequenceLast": _sequence,
    "SequenceReverse": _sequence,
}
SHAPE_RULES.update({name: _elemwise for name in ELEMWISE})


def dtype_rule(op_name: str, dtypes: list, attrs: dict) -> list:
    """Fill unknown input dtypes: Embedding's weight has the ``dtype`` attribute, every
    other unknown input takes the dtype of the first known one (MXNet does not promote)."""
    out = list(dtypes)
    if op_name == "Embedding" and len(out) > 1 and out[1] is None:
        out[1] = attrs.get("dtype", "float32")
    known = next((d for d in out if d is not None), None)
    if op_name == "Embedding":
        known = out[1]
    if known is not None:
        out = [known if d is None else d for d in out]
    return out
