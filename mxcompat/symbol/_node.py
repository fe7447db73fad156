"""Graph nodes of a Symbol and the per-operator facts a graph needs beyond the registry.

A node is a variable (``op is None``) or one operator application. Its ``attrs`` hold
strings exactly as MXNet stores them: the operator's parameters as the user wrote them
(``str(value)``) followed by the ``__x__`` attributes. Inputs are ``(node, index,
version)`` entries; a variable's ``version`` counts the operators that update it in place
(BatchNorm's moving statistics), as MXNet's JSON records.
"""
from __future__ import annotations

from typing import Iterable

from ..base import MXNetError
from ..ops.registry import REGISTRY, Op

__all__ = ["Node", "topo_order", "json_op_name", "input_names", "total_outputs",
           "output_names", "visible_outputs", "op_attrs"]

# Registry names that are aliases in MXNet 1.9.1 (alias -> MXNet's own operator name):
# the JSON "op" field always holds MXNet's own name.
_MXNET_ALIASES = frozenset((
    "ElementWiseSum Softmax broadcast_axes broadcast_minus broadcast_plus cast "
    "choose_element_0index concat crop ctc_loss flatten flip identity max_axis min_axis "
    "normal pad random_exponential random_gamma random_generalized_negative_binomial "
    "random_negative_binomial random_normal random_poisson random_randint random_uniform "
    "ravel_multi_index reshape sample_exponential sample_gamma "
    "sample_generalized_negative_binomial sample_multinomial sample_negative_binomial "
    "sample_normal sample_poisson sample_uniform shuffle split stop_gradient sum_axis "
    "swapaxes uniform unravel_index").split()) | frozenset(
    n for n in REGISTRY if n.startswith("linalg_"))

# Operators whose MXNet node has more outputs than it shows (hidden workspaces, saved
# statistics): they count in the JSON's node_row_ptr.
_TOTAL_OUTPUTS = {
    "Dropout": lambda a: 2, "LRN": lambda a: 2, "LayerNorm": lambda a: 3,
    "InstanceNorm": lambda a: 3, "GroupNorm": lambda a: 3, "BatchNorm": lambda a: 3,
    "Pooling": lambda a: 2 if a.get("pool_type", "max") == "max" else 1,
    "CTCLoss": lambda a: 2, "_linalg_slogdet": lambda a: 4,
}

# Operators that name their outputs (others: "output", or "output<i>" when several).
_OUTPUT_NAMES = {
    "BatchNorm": ("output", "mean", "var"), "LayerNorm": ("output", "mean", "std"),
    "GroupNorm": ("output", "mean", "std"), "InstanceNorm": ("output", "mean", "var"),
    "Dropout": ("output", "mask"), "LeakyReLU": ("output", "mask"),
    "RNN": ("output", "state_output", "statecell_output"), "LRN": ("output", "tmp_norm"),
    "Pooling": ("output", "workspace"),
}


def _has_bias(a):
    return not a.get("no_bias", False)


# Inputs that exist only for some attribute values: input -> predicate(parsed attrs).
_CONDITIONAL_INPUTS = {
    "FullyConnected": {"bias": _has_bias},
    "Convolution": {"bias": _has_bias},
    "Deconvolution": {"bias": _has_bias},
    "LeakyReLU": {"gamma": lambda a: a.get("act_type") == "prelu"},
    "RNN": {"state_cell": lambda a: a.get("mode") == "lstm",
            "sequence_length": lambda a: bool(a.get("use_sequence_length"))},
    "SequenceMask": {"sequence_length": lambda a: bool(a.get("use_sequence_length"))},
    "SequenceLast": {"sequence_length": lambda a: bool(a.get("use_sequence_length"))},
    "SequenceReverse": {"sequence_length": lambda a: bool(a.get("use_sequence_length"))},
    "softmax": {"length": lambda a: bool(a.get("use_length"))},
    "CTCLoss": {"data_lengths": lambda a: bool(a.get("use_data_lengths")),
                "label_lengths": lambda a: bool(a.get("use_label_lengths"))},
    "_histogram": {"bins": lambda a: a.get("bin_cnt") is None},
}

# Attributes MXNet puts on the variables it creates for these inputs.
INPUT_VAR_ATTRS = {
    ("BatchNorm", "moving_mean"): {"__init__": '["zero", {}]'},
    ("BatchNorm", "moving_var"): {"__init__": '["one", {}]'},
}

# Operators whose gradient does not use the head gradient (MXNet's loss outputs).
LOSS_OPS = frozenset(("SoftmaxOutput", "LinearRegressionOutput", "LogisticRegressionOutput",
                      "MAERegressionOutput", "MakeLoss", "make_loss"))


def json_op_name(op: Op) -> str:
    """MXNet's own name of the operator (what the JSON ``op`` field holds)."""
    for n in (op.name,) + op.aliases:
        if n not in _MXNET_ALIASES:
            return n
    return op.name


class Node:
    """One graph node (see the module docstring)."""

    __slots__ = ("op", "name", "attrs", "inputs", "version", "_parsed", "__weakref__")

    def __init__(self, op: Op | None, name: str, attrs: dict | None = None,
                 inputs: Iterable = ()):
        self.op = op
        self.name = name
        self.attrs = dict(attrs or {})
        self.inputs = list(inputs)
        self.version = 0
        self._parsed = None

    @property
    def is_var(self) -> bool:
        return self.op is None

    def parsed(self) -> dict:
        """The operator's parsed attributes (cached)."""
        if self._parsed is None:
            self._parsed = op_attrs(self.op, self.attrs)
        return self._parsed

    def __repr__(self):
        return f"<Node {self.name} {self.op.name if self.op else 'null'}>"


def op_attrs(op: Op, attrs: dict) -> dict:
    """Parse the operator parameters among string attributes (``__x__`` ones skipped)."""
    kw = {k: v for k, v in attrs.items() if not (k.startswith("__") and k.endswith("__"))}
    return op.parse(kw)


def input_names(op: Op, parsed: dict, n_given: int | None = None) -> list[str]:
    """The inputs this application of ``op`` has, in order."""
    if op.variadic:
        n = parsed.get(op.variadic) if n_given is None else n_given
        base = op.inputs[0] if op.inputs else "arg"
        return [f"{base}{i}" for i in range(int(n or 0))]
    cond = _CONDITIONAL_INPUTS.get(op.name, {})
    return [n for n in op.inputs if n not in cond or cond[n](parsed)]


def visible_outputs(node: Node) -> int:
    if node.op is None:
        return 1
    return node.op.n_out(node.parsed())


def total_outputs(node: Node) -> int:
    if node.op is None:
        return 1
    f = _TOTAL_OUTPUTS.get(node.op.name)
    vis = visible_outputs(node)
    return max(vis, f(node.parsed())) if f else vis


def output_names(node: Node) -> list[str]:
    """Names of the visible outputs (``fc1_output``, ``bn_mean``, ``split0_output1``)."""
    if node.op is None:
        return [node.name]
    vis = visible_outputs(node)
    named = _OUTPUT_NAMES.get(node.op.name)
    if named:
        return [f"{node.name}_{named[i]}" for i in range(vis)]
    if total_outputs(node) == 1:
        return [f"{node.name}_output"]
    return [f"{node.name}_output{i}" for i in range(vis)]


def topo_order(heads: Iterable[Node]) -> list[Node]:
    """Nodes reachable from ``heads`` in MXNet's order (depth-first, inputs in order,
    each node after its inputs)."""
    order, seen = [], set()
    for head in heads:
        if id(head) in seen:
            continue
        stack = [(head, 0)]
        seen.add(id(head))
        while stack:
            node, i = stack.pop()
            if i < len(node.inputs):
                stack.append((node, i + 1))
                child = node.inputs[i][0]
                if id(child) not in seen:
                    seen.add(id(child))
                    stack.append((child, 0))
            else:
                order.append(node)
    return order


def lookup_op(name: str) -> Op:
    op = REGISTRY.get(name)
    if op is None:
        raise MXNetError(f"Cannot find operator {name}")
    return op
