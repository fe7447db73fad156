"""``HybridBlock.export``: the block as MXNet's symbol JSON plus an ``arg:``/``aux:`` file.

The graph is built by calling the block with ``F = mx.sym`` on variables named ``data``
(one input) or ``data0``, ``data1``... (several), in the argument structure of the first
hybridized call -- the same structure MXNet caches on that call. Parameters become
``Parameter.var()`` variables, so the JSON matches the one MXNet writes for the same
model; the parameter file lists the graph's arguments as ``arg:<name>`` and its
auxiliary states (BatchNorm running statistics) as ``aux:<name>``.
"""
from __future__ import annotations

import warnings
import weakref
from typing import Any

from .. import ndarray as nd

__all__ = ["export", "block_symbol", "note_first_call"]

# Parameter -> its shape at the first hybridized call of a block using it. MXNet builds
# the graph (and caches each Parameter.var()) on that call, before deferred shapes are
# known, so its JSON shows e.g. "(64, 0, 7, 7)"; export recreates those variables.
_FIRST_SHAPES: "weakref.WeakKeyDictionary" = weakref.WeakKeyDictionary()


def note_first_call(block) -> None:
    """Remember the parameter shapes as they are at ``block``'s first hybridized call."""
    for p in block.collect_params().values():
        if p not in _FIRST_SHAPES and p._var is None:
            _FIRST_SHAPES[p] = p.shape


def _cache_vars(block) -> None:
    from .. import symbol
    for p in block.collect_params().values():
        shape = _FIRST_SHAPES.pop(p, None)
        if shape is not None and p._var is None and shape != p.shape:
            p._var = symbol.var(p.name, shape=shape, dtype=p.dtype, lr_mult=p.lr_mult,
                                wd_mult=p.wd_mult, init=p.init, stype=p._stype)


def _symbol_inputs(fmt: Any, names: list) -> Any:
    """Rebuild the argument structure ``fmt`` (0 = array, -1 = None, list = nesting) with
    one Symbol variable per array."""
    from .. import symbol
    if fmt == 0:
        return symbol.var(names.pop(0))
    if fmt == -1:
        return None
    return [_symbol_inputs(f, names) for f in fmt]


def _count(fmt: Any) -> int:
    if fmt == 0:
        return 1
    if fmt == -1:
        return 0
    return sum(_count(f) for f in fmt)


def _flat_outputs(out: Any) -> list:
    if isinstance(out, (list, tuple)):
        flat = []
        for o in out:
            flat.extend(_flat_outputs(o))
        return flat
    return [out]


def block_symbol(block, fmt: Any):
    """The Symbol of ``block`` called on inputs of structure ``fmt`` (a list of argument
    formats, as ``HybridBlock._in_format`` keeps them)."""
    from .. import symbol
    n = _count(fmt)
    names = ["data"] if n == 1 else ["data%d" % i for i in range(n)]
    inputs = _symbol_inputs(fmt, names)
    out = block(*inputs)
    flat = _flat_outputs(out)
    return flat[0] if len(flat) == 1 else symbol.Group(flat)


def export(block, path: str, epoch: int = 0, remove_amp_cast: bool = True) -> None:
    """Write ``path-symbol.json`` and ``path-%04d.params`` for a hybridized block that has
    run at least once."""
    if not block._active or block._in_format is None:
        raise RuntimeError("Please first call block.hybridize() and then run forward with "
                           "this block at least once before calling export.")
    _cache_vars(block)
    sym = block_symbol(block, block._in_format)
    sym.save("%s-symbol.json" % path, remove_amp_cast=remove_amp_cast)
    arg_names = set(sym.list_arguments())
    aux_names = set(sym.list_auxiliary_states())
    params = {p.name: p for p in block.collect_params().values()}
    saved = {}
    for name in sym.list_inputs():
        param = params.get(name)
        if param is None:
            continue
        if name in arg_names:
            saved["arg:%s" % name] = param._reduce()
        elif name in aux_names:
            saved["aux:%s" % name] = param._reduce()
        else:  # pragma: no cover - every input is an argument or an auxiliary state
            warnings.warn('Parameter "{name}" is not found in the graph. '.format(name=name),
                          stacklevel=3)
    nd.save("%s-%04d.params" % (path, epoch), saved)
