"""``Block.summary``: a table of every layer's output shapes and parameter counts.

One forward pass runs with a forward hook on every block except the Sequential
containers; each hook call adds a row named ``<Class>-<n>`` in the order the blocks
finish. The layout (column widths, totals, the shared-parameter accounting) is MXNet's.
"""
from __future__ import annotations

from typing import Any

from ..ndarray.ndarray import NDArray

__all__ = ["summary"]

_ROW = "{:>20}  {:>42} {:>15}"


def _shapes(value: Any) -> Any:
    """The nested structure of ``value`` with each NDArray replaced by its shape
    (tuples and lists both become lists, as MXNet shows them)."""
    if isinstance(value, (list, tuple)):
        return [_shapes(v) for v in value]
    return value.shape if isinstance(value, NDArray) else value


def _shape_text(value: Any) -> str:
    shapes = _shapes(value)
    text = str(shapes)[1:-1] if isinstance(shapes, list) else str(shapes)
    return text.replace("L", "")


class _Row:
    __slots__ = ("shape", "count", "trainable", "shared")

    def __init__(self, shape: str, count: int = 0, trainable: int = 0, shared: int = 0):
        self.shape, self.count, self.trainable, self.shared = shape, count, trainable, shared


def summary(block, *inputs: Any) -> None:
    """Print MXNet's summary table for ``block`` run on ``inputs``."""
    from .block import HybridBlock
    from .nn.basic_layers import HybridSequential, Sequential

    rows: dict[str, _Row] = {"Input": _Row(_shape_text(inputs))}
    seen: set = set()
    handles: list = []

    def hook(blk, _inputs, outputs) -> None:
        row = _Row(_shape_text(outputs))
        for p in blk.params.values():
            size = p.data().size
            row.count += size
            if p.grad_req != "null":
                row.trainable += size
            if p in seen:
                row.shared += size
            else:
                seen.add(p)
        rows["%s-%d" % (type(blk).__name__, len(rows))] = row

    def attach(blk) -> None:
        assert not (isinstance(blk, HybridBlock) and blk._active), (
            '"{}" must not be hybridized to print summary.'.format(blk.name))
        if not isinstance(blk, (Sequential, HybridSequential)):
            handles.append(blk.register_forward_hook(hook))

    try:
        block.apply(attach)
        block(*inputs)
        lines = ["-" * 80, _ROW.format("Layer (type)", "Output Shape", "Param #"), "=" * 80]
        lines += [_ROW.format(name, row.shape, row.count) for name, row in rows.items()]
        total = sum(r.count for r in rows.values())
        trainable = sum(r.trainable for r in rows.values())
        shared = sum(r.shared for r in rows.values())
        lines += ["=" * 80,
                  "Parameters in forward computation graph, duplicate included",
                  "   Total params: %d" % total,
                  "   Trainable params: %d" % trainable,
                  "   Non-trainable params: %d" % (total - trainable),
                  "Shared params in forward computation graph: %d" % shared,
                  "Unique parameters in model: %d" % (total - shared),
                  "-" * 80]
        print("\n".join(lines))
    finally:
        for h in handles:
            h.detach()
