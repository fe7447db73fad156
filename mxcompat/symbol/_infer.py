"""``infer_shape`` / ``infer_type`` over a Symbol's graph.

Input shapes of parameters come from ``shape_rules``; output shapes and dtypes from
``jax.eval_shape`` of the operator's own function (cached per operator, attributes, shapes
and dtypes), so no operator has a second shape definition.
"""
from __future__ import annotations

import ast

import jax
import numpy as np

from .._backend.dtypes import CODE_TO_DTYPE, DEFAULT, to_dtype
from ..base import MXNetError
from . import _node
from .shape_rules import SHAPE_RULES, ShapeInconsistent, dtype_rule

__all__ = ["infer_shape", "infer_type", "propagate", "out_avals"]

_AVAL_CACHE: dict = {}
_KEY_AVAL = jax.ShapeDtypeStruct((2,), np.uint32)


def out_avals(node, shapes, dtypes):
    """(shape, dtype) of each visible output of ``node`` for these input shapes/dtypes."""
    op, attrs = node.op, node.parsed()
    key = (op, op.static_key(attrs), tuple(shapes), tuple(str(d) for d in dtypes))
    hit = _AVAL_CACHE.get(key)
    if hit is not None:
        if isinstance(hit, Exception):
            raise hit
        return hit
    args = [jax.ShapeDtypeStruct(tuple(s), to_dtype(d)) for s, d in zip(shapes, dtypes)]
    dyn = [attrs[k] for k in op.dynamic if k != "key"]
    fn = op.pure(attrs, False)
    n_in = len(args)
    if op.needs_key:
        args_k = args + [_KEY_AVAL]
        call = lambda *a: fn(*a[:n_in], *dyn, a[n_in])  # noqa: E731
    else:
        args_k = args
        call = lambda *a: fn(*a, *dyn)  # noqa: E731
    try:
        if op.check is not None:
            op.check(args, attrs)
        res = jax.eval_shape(call, *args_k)
    except MXNetError as exc:
        err = MXNetError(f"Error in operator {node.name}: {exc}")
        _AVAL_CACHE[key] = err
        raise err from None
    except Exception as exc:
        msg = None
        if op.explain is not None:
            try:
                msg = op.explain(args, attrs)
            except Exception:
                msg = None
        err = MXNetError(f"Error in operator {node.name}: "
                         + (msg or f"shape inference failed for inputs "
                            f"{[tuple(a.shape) for a in args]}: {exc}"))
        _AVAL_CACHE[key] = err
        raise err from None
    outs = res if isinstance(res, (tuple, list)) else (res,)
    n = _node.visible_outputs(node)
    out = [(tuple(o.shape), np.dtype(o.dtype)) for o in outs[:n]]
    if len(_AVAL_CACHE) < 20000:
        _AVAL_CACHE[key] = out
    return out


def _attr_shape(node):
    text = node.attrs.get("__shape__")
    if text is None:
        return None
    try:
        v = ast.literal_eval(text)
    except (ValueError, SyntaxError):
        return None
    shape = (int(v),) if isinstance(v, int) else tuple(int(d) for d in v)
    return None if any(d <= 0 for d in shape) else shape


def _attr_dtype(node):
    code = node.attrs.get("__dtype__")
    if code is None:
        return None
    try:
        return CODE_TO_DTYPE[int(code)]
    except (KeyError, ValueError):
        return None


def propagate(sym, shapes: dict, dtypes: dict, need_types: bool = False):
    """Known shapes and dtypes of every entry: ``({(id(node), i): shape}, {...: dtype},
    {var name: shape}, {var name: dtype})``. Raises MXNetError on inconsistencies."""
    order = sym._topo()
    var_shape = {}
    var_dtype = {}
    for n in order:
        if n.op is None:
            s = shapes.get(n.name)
            var_shape[n.name] = tuple(s) if s is not None else _attr_shape(n)
            d = dtypes.get(n.name)
            var_dtype[n.name] = np.dtype(d) if d is not None else _attr_dtype(n)
    for _ in range(3):  # a later rule may fill a variable an earlier node used
        changed = False
        ent_shape, ent_dtype = {}, {}
        for n in order:
            if n.op is None:
                ent_shape[(id(n), 0)] = var_shape[n.name]
                ent_dtype[(id(n), 0)] = var_dtype[n.name]
                continue
            in_s = [ent_shape.get((id(c), i)) for c, i, _ in n.inputs]
            in_d = [ent_dtype.get((id(c), i)) for c, i, _ in n.inputs]
            rule = SHAPE_RULES.get(n.op.name)
            attrs = n.parsed()
            if rule is not None:
                try:
                    in_s = rule(list(in_s), attrs)
                except ShapeInconsistent as exc:
                    raise MXNetError(f"Error in operator {n.name}: {exc.message(n.name)}"
                                     ) from None
            in_d = dtype_rule(n.op.name, in_d, attrs)
            for (c, i, _), s, d in zip(n.inputs, in_s, in_d):
                if c.op is None:
                    if s is not None and var_shape[c.name] is None:
                        var_shape[c.name] = tuple(s)
                        changed = True
                    if d is not None and var_dtype[c.name] is None:
                        var_dtype[c.name] = np.dtype(d)
                        changed = True
            nvis = _node.visible_outputs(n)
            if all(s is not None for s in in_s):
                eval_d = [d if d is not None else DEFAULT for d in in_d]
                outs = out_avals(n, in_s, eval_d)
                for i, (s, d) in enumerate(outs):
                    ent_shape[(id(n), i)] = s
                    known = all(x is not None for x in in_d) or not n.inputs
                    ent_dtype[(id(n), i)] = d if known else None
            elif need_types:
                d = _fallback_dtype(n, in_d)
                for i in range(nvis):
                    ent_dtype[(id(n), i)] = d
        if not changed:
            break
    return ent_shape, ent_dtype, var_shape, var_dtype


def _fallback_dtype(node, in_d):
    """Output dtype when shapes are unknown: the ``dtype`` attribute, else the inputs'."""
    attrs = node.parsed()
    dt = attrs.get("dtype")
    if isinstance(dt, str) and dt not in ("None",):
        try:
            return np.dtype(to_dtype(dt))
        except TypeError:
            pass
    if not node.inputs:
        return DEFAULT
    if in_d and all(d is not None for d in in_d):
        return np.dtype(in_d[0])
    return None


def _keyword_args(sym, args, kwargs, what: str) -> dict:
    names = sym.list_arguments()
    out = {}
    if args:
        for n, v in zip(names, args):
            if v is not None:
                out[n] = v
    inputs = set(sym.list_inputs())
    for k, v in kwargs.items():
        if k not in inputs:
            cands = "".join(f"\t[{i}]{n}\n" for i, n in enumerate(names))
            raise MXNetError(f"{what}Keyword argument name {k} not found.\n"
                             f"Candidate arguments:\n{cands}")
        if v is not None:
            out[k] = v
    return out


def _report(kind: str, args, kwargs):
    print(f"{kind} error. Arguments:")
    for i, a in enumerate(args):
        print(f"  #{i}: {a}")
    for k, v in kwargs.items():
        print(f"  {k}: {v}")


def infer_shape(sym, args, kwargs, partial: bool):
    try:
        known = _keyword_args(sym, args, kwargs, "InferShape")
        known = {k: ((int(v),) if isinstance(v, (int, np.integer)) else tuple(v))
                 for k, v in known.items()}
        ent_shape, _, var_shape, _ = propagate(sym, known, {})
    except MXNetError:
        _report("infer_shape", args, kwargs)
        raise
    arg_nodes, aux_nodes = sym._variables()
    arg = [var_shape.get(n.name) for n in arg_nodes]
    aux = [var_shape.get(n.name) for n in aux_nodes]
    out = [ent_shape.get((id(n), i)) for n, i in sym._outputs]
    if partial:
        fix = lambda xs: [x if x is not None else () for x in xs]  # noqa: E731
        return fix(arg), fix(out), fix(aux)
    if any(x is None for x in arg + aux + out):
        _warn_unknown("shape", " (0s in shape means unknown dimensions)",
                      [(n.name, "()") for n, x in zip(arg_nodes, arg) if x is None])
        return None, None, None
    return arg, out, aux


def infer_type(sym, args, kwargs, partial: bool):
    try:
        known = _keyword_args(sym, args, kwargs, "InferType")
        known = {k: to_dtype(v) for k, v in known.items()}
        _, ent_dtype, _, var_dtype = propagate(sym, {}, known, need_types=True)
    except MXNetError:
        _report("infer_type", args, kwargs)
        raise
    arg_nodes, aux_nodes = sym._variables()
    arg = [var_dtype.get(n.name) for n in arg_nodes]
    aux = [var_dtype.get(n.name) for n in aux_nodes]
    out = [ent_dtype.get((id(n), i)) for n, i in sym._outputs]
    cls = lambda xs: [np.dtype(x).type if x is not None else None for x in xs]  # noqa
    if partial:
        return cls(arg), cls(out), cls(aux)
    if any(x is None for x in arg + aux + out):
        _warn_unknown("type", "", [(n.name, "None") for n, x in zip(arg_nodes, arg)
                                   if x is None])
        return None, None, None
    return cls(arg), cls(out), cls(aux)


def _warn_unknown(what: str, note: str, unknown) -> None:
    import warnings
    if not unknown:
        return
    warnings.warn(f"Cannot decide {what} for the following arguments{note}. "
                  "Consider providing them as input:\n"
                  + "\n".join(f"\t{n}: {v}" for n, v in unknown), stacklevel=3)
