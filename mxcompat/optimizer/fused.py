"""Compiled optimizer steps: many parameters in one ``jax.jit`` call.

``fused_update(optimizer, indices, weights, grads, states)`` updates every listed parameter
with one cached compiled call. The per-index scalars (learning rate, weight decay,
rescale_grad, step counts, bias corrections: whatever the optimizer's ``_prepare``
computes in Python, in MXNet's order) enter as one traced float64 array, so a new learning
rate or step count never recompiles. The cache key is the optimizer's kernel and static
hyper-parameters plus, per parameter, the state structure and multi-precision flag; JAX adds
shapes and dtypes. Optimizer states and master copies are donated (their buffers are
reused); weights are not, since their arrays may be shared with user code.

The eager ``update``/``update_multi_precision`` of the built-in optimizers run through the
same path with one parameter, so both give the same numbers by construction.
"""
from __future__ import annotations

import warnings
from typing import Any, Sequence

import jax
import jax.numpy as jnp
import numpy as np

from .._backend import deferred as _deferred
from ..ndarray import NDArray
from .base import RuleOptimizer

__all__ = ["fused_update", "apply", "trace_count", "is_fusable"]

warnings.filterwarnings("ignore", message=r".*[Dd]onated buffers were not usable.*")
warnings.filterwarnings("ignore", message=r".*[Dd]onation is not implemented for.*")

_CACHE: dict = {}
_LAST_SCAL: dict = {}   # (compiled step, context) -> (scalars, their copy on the device)
_TRACES = [0]


def trace_count() -> int:
    """How many times a fused step has been traced (compiled) in this process."""
    return _TRACES[0]


# ----------------------------------------------------------------------------- state trees
def _flatten(state, leaves: list):
    """The structure of ``state`` (NDArray / None / tuple / list), its NDArrays appended
    to ``leaves`` in order."""
    if state is None:
        return None
    if isinstance(state, NDArray):
        leaves.append(state)
        return "a"
    if isinstance(state, (tuple, list)):
        kind = "t" if isinstance(state, tuple) else "l"
        return (kind,) + tuple(_flatten(s, leaves) for s in state)
    raise TypeError(f"optimizer state of type {type(state).__name__} is not supported "
                    "by the fused update")


def _unflatten(struct, it):
    if struct is None:
        return None
    if struct == "a":
        return next(it)
    items = tuple(_unflatten(s, it) for s in struct[1:])
    return items if struct[0] == "t" else list(items)


def _leaves_of(struct, value, out: list) -> None:
    """The arrays of ``value`` (shaped like ``struct``) appended to ``out``."""
    if struct is None:
        return
    if struct == "a":
        out.append(value)
        return
    for s, v in zip(struct[1:], value):
        _leaves_of(s, v, out)


# ----------------------------------------------------------------------------- compiled step
def _build(kernel, cfg: tuple, names: tuple, plan: tuple, writes_grad: bool,
           wants_lp: bool):
    cfg_d = dict(cfg)

    def step(weights, masters, states, grads, scal):
        _TRACES[0] += 1
        out_w, out_m, out_s, out_g = [], [], [], []
        for i, (mp, struct, pst) in enumerate(plan):
            sc = {n: scal[j, i] for j, n in enumerate(names)}
            w, g, leaves = weights[i], grads[i], states[i]
            st = _unflatten(struct, iter(leaves))
            if mp:
                w32 = masters[i]
                if wants_lp:
                    res = kernel(cfg_d, pst, w32, g.astype(w32.dtype), st, sc, lp_weight=w)
                else:
                    res = kernel(cfg_d, pst, w32, g.astype(w32.dtype), st, sc)
                out_w.append(res[0].astype(w.dtype))
                out_m.append(res[0].astype(w32.dtype))
            else:
                res = kernel(cfg_d, pst, w, g, st, sc)
                out_w.append(res[0].astype(w.dtype))
                out_m.append(None)
            new = []
            _leaves_of(struct, res[1], new)
            out_s.append([n.astype(o.dtype) for n, o in zip(new, leaves)])
            # (for float16 master-copy updates MXNet rescales a float32 copy of the grad)
            out_g.append(res[2].astype(g.dtype) if writes_grad and not mp else None)
        return out_w, out_m, out_s, out_g

    step.__name__ = "fused_optimizer_step"
    # The optimizer's own buffers (float32 master copies, states) are donated. Weights are
    # not: a weight's jax array may also be held elsewhere (``p.set_data(x)`` shares x's
    # buffer, a retained graph keeps its inputs), and donation deletes it there too.
    return jax.jit(step, donate_argnums=(1, 2))


_copy = jax.jit(lambda a: jnp.array(a, copy=True))


def _copied(a, ctx):
    return _deferred.run(_copy, (a,), ctx)


def _donatable(x: NDArray):
    """The array to donate for ``x``; a copy when ``x`` is a whole-array view (its buffer
    is the root's). May be a deferred placeholder."""
    v = x._view
    if v is None:
        return x._v
    arr = x._raw()
    if arr is v.root._v:
        arr = _copied(arr, x._ctx)
    return arr


def _unshare(w_in: list, m_in: list, s_in: list, g_in: list, ctx) -> None:
    """Replace every repeat of an array among the step's arguments by a copy."""
    seen: set = set()
    for lst in (w_in, m_in):
        for k, a in enumerate(lst):
            if a is not None:
                if id(a) in seen:
                    a = lst[k] = _copied(a, ctx)
                seen.add(id(a))
    for lst in s_in:
        for k, a in enumerate(lst):
            if id(a) in seen:
                a = lst[k] = _copied(a, ctx)
            seen.add(id(a))
    for k, a in enumerate(g_in):
        if id(a) in seen:
            g_in[k] = _copied(a, ctx)


def _run(opt: RuleOptimizer, indices: Sequence, weights: Sequence[NDArray],
         grads: Sequence[NDArray], states: Sequence[Any], mps: Sequence[bool],
         scalars: Sequence[dict]) -> None:
    """One compiled call updating ``weights`` and ``states`` in place."""
    n = len(weights)
    if n == 0:
        return
    w_in, m_in, s_in, s_nd, m_nd, plan = [], [], [], [], [], []
    param_static = opt._param_static
    for idx, w, st, mp in zip(indices, weights, states, mps):
        if mp:
            master, inner = opt._split_mp(st)
            m_nd.append(master)
            m_in.append(_donatable(master))
        else:
            inner = st
            m_nd.append(None)
            m_in.append(None)
        leaves: list = []
        struct = _flatten(inner, leaves)
        s_nd.append(leaves)
        s_in.append([_donatable(x) for x in leaves])
        w_in.append(_donatable(w))
        plan.append((bool(mp), struct, param_static(idx)))
    g_in = [g._raw() for g in grads]
    ctx = weights[0]._ctx
    # a buffer may be donated once, and not also passed undonated
    ids = [id(a) for a in w_in]
    ids += [id(a) for a in m_in if a is not None]
    for lst in s_in:
        ids += [id(a) for a in lst]
    ids += [id(a) for a in g_in]
    if len(set(ids)) != len(ids):
        _unshare(w_in, m_in, s_in, g_in, ctx)

    names = tuple(sorted(scalars[0]))
    scal = np.array([[float(d[nm]) for d in scalars] for nm in names], dtype=np.float64)
    kernel = type(opt)._kernel
    writes_grad = type(opt)._writes_grad
    wants_lp = type(opt)._wants_lp_weight
    key = (kernel, opt._static(), names, tuple(plan), writes_grad, wants_lp)
    fn = _CACHE.get(key)
    if fn is None:
        fn = _CACHE[key] = _build(kernel, key[1], names, key[3], writes_grad, wants_lp)
    # the scalars, on the device: the same as last step's (a constant learning rate) are
    # not transferred again
    last = _LAST_SCAL.get((fn, ctx))
    if _deferred._tracing():   # (inside a trace: a constant of it, never kept)
        scal_dev = scal
    elif last is not None and last[0].shape == scal.shape and (last[0] == scal).all():
        scal_dev = last[1]
    else:
        scal_dev = jax.device_put(scal, ctx.jax_device)
        if len(_LAST_SCAL) > 256:
            _LAST_SCAL.clear()
        _LAST_SCAL[(fn, ctx)] = (scal, scal_dev)
    out_w, out_m, out_s, out_g = _deferred.run_tree(fn, (w_in, m_in, s_in, g_in, scal_dev),
                                                    ctx)
    for i in range(n):
        weights[i]._set(out_w[i])
        if m_nd[i] is not None:
            m_nd[i]._set(out_m[i])
        for x, new in zip(s_nd[i], out_s[i]):
            x._set(new)
        if out_g[i] is not None:
            grads[i]._set(out_g[i])


# ----------------------------------------------------------------------------- entry points
def is_fusable(opt) -> bool:
    """Whether ``opt`` steps through its compiled rule (built-in optimizers whose update
    was not overridden)."""
    t = type(opt)
    return (isinstance(opt, RuleOptimizer)
            and t.update is RuleOptimizer.update
            and t.update_multi_precision is RuleOptimizer.update_multi_precision
            and opt._can_fuse())


def apply(opt: RuleOptimizer, index, weight, grad, state, multi_precision: bool) -> None:
    """The eager ``update`` / ``update_multi_precision`` of a rule optimizer (one index, or
    MXNet's list form for the aggregating optimizers)."""
    if isinstance(index, (list, tuple)):
        assert opt.aggregate_num > 0 and isinstance(weight, (list, tuple))
        indices, weights, grads, states = list(index), list(weight), list(grad), list(state)
    else:
        indices, weights, grads, states = [index], [weight], [grad], [state]
    if multi_precision:
        mps = [opt._use_mp(w, s) for w, s in zip(weights, states)]
    else:
        mps = [False] * len(weights)
    for w, g, s, mp in zip(weights, grads, states, mps):
        assert isinstance(w, NDArray)
        assert isinstance(g, NDArray)
        opt._check_state(opt._split_mp(s)[1] if mp else s)
    if len(indices) == 1:
        scalars = [opt._prepare(indices[0])]
    else:
        scalars = opt._prepare_group(indices)
    _run(opt, indices, weights, grads, states, mps, scalars)


def fused_update(optimizer, indices: Sequence, weights: Sequence[NDArray],
                 grads: Sequence[NDArray], states: Sequence[Any]) -> None:
    """Update many parameters at once, as ``update_multi_precision`` per index would.

    ``states`` are what ``create_state_multi_precision`` returned. Weights, states (and the
    update counters) are updated in place. Optimizers without a compiled rule (user
    subclasses overriding ``update``, SGLD, LBSGD) are updated index by index.
    """
    indices, weights, grads, states = list(indices), list(weights), list(grads), list(states)
    if not (len(indices) == len(weights) == len(grads) == len(states)):
        raise ValueError("fused_update: indices, weights, grads and states must have the "
                         "same length")
    if not is_fusable(optimizer):
        for i, w, g, s in zip(indices, weights, grads, states):
            optimizer.update_multi_precision(i, w, g, s)
        return
    for w, g in zip(weights, grads):
        assert isinstance(w, NDArray)
        assert isinstance(g, NDArray)
    scalars = [optimizer._prepare(i) for i in indices]
    mps = [optimizer._use_mp(w, s) for w, s in zip(weights, states)]
    ctxs = [w._ctx for w in weights]
    c0 = ctxs[0]
    if all(c is c0 or c == c0 for c in ctxs):
        _run(optimizer, indices, weights, grads, states, mps, scalars)
        return
    groups: dict = {}
    for k, c in enumerate(ctxs):
        groups.setdefault(c, []).append(k)
    for ks in groups.values():
        _run(optimizer, [indices[k] for k in ks], [weights[k] for k in ks],
             [grads[k] for k in ks], [states[k] for k in ks], [mps[k] for k in ks],
             [scalars[k] for k in ks])
