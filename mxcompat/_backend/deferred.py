"""Deferred execution: compiled calls queue up and run together when a value is needed.

Every compiled call the library makes on behalf of the user (an eager operator, a node's
backward, a hybridized block, the optimizer step) goes through ``run``/``run_tree``. Instead
of calling the function, they append it to the calling thread's *segment* and hand back
``Pending`` placeholders that know their shape and dtype (from ``jax.eval_shape``, cached),
so shape errors are still raised at the call. A segment runs when:

- a value is read (``asnumpy``, printing, any access to an NDArray's ``_data``),
- ``nd.waitall()``, entering ``autograd.record()``, the end of ``Trainer.step``,
- it reaches ``MAX_CALLS`` calls, or the next call is for another device.

A segment that runs for the first times is executed call by call (each call its own cached
compiled function, as eager code would). Once the same *structure* (the functions, how
their results feed each other, the shapes and dtypes of the outside inputs, which results
are still referenced) has run ``THRESHOLD`` times — a training loop's iteration — it is
traced into ONE ``jax.jit`` program, and from then on the whole segment is one call: XLA
fuses across operators, forward, backward and the optimizer update, and results nothing
refers to any more are never written out.

``MXCOMPAT_DEFER=0`` switches deferral off: every call then runs at once.
"""
from __future__ import annotations

import os
import sys
import threading
from typing import Any, Callable, Sequence

import jax
import numpy as np

try:  # the cheap "are we inside a JAX trace?" test
    from jax._src import core as _core

    def _tracing() -> bool:
        return type(_core.trace_ctx.trace) is not _core.EvalTrace
except Exception:  # pragma: no cover - other JAX versions: be conservative
    def _tracing() -> bool:
        return True

__all__ = ["Pending", "run", "run_tree", "flush", "flush_all", "enabled", "set_enabled",
           "stats"]

THRESHOLD = 3        # runs of a structure before it is compiled as one program
# A segment is run once it holds MAX_CALLS calls: the most that one program is built from,
# so that long runs of calls between reads (a non-hybridized network's step, a loop of
# operators) are cut into pieces that recur and are compiled, rather than run call by call
MAX_CALLS = 256
MAX_FUSE = MAX_CALLS

_ARRAY = type(jax.numpy.zeros(()))
_SCALARS = (float, int, bool, np.floating, np.integer, np.bool_)
_SCALAR_TYPES = frozenset([float, int, bool])

_enabled = [os.environ.get("MXCOMPAT_DEFER", "1") not in ("0", "false", "off", "no")]


def enabled() -> bool:
    """Whether calls are deferred (``MXCOMPAT_DEFER``; ``set_enabled``)."""
    return _enabled[0]


def set_enabled(on: bool) -> bool:
    """Switch deferral on or off; returns the previous setting. Pending work is run first."""
    prev = _enabled[0]
    flush_all()
    _enabled[0] = bool(on)
    return prev


class _Stats:
    __slots__ = ("fused_runs", "stepwise_runs", "compiled")

    def __init__(self):
        self.fused_runs = 0      # segments run as one compiled program
        self.stepwise_runs = 0   # segments run call by call
        self.compiled = 0        # segment programs built


stats = _Stats()


# ----------------------------------------------------------------------------- placeholders
class Pending:
    """The future result of a deferred call: shape and dtype now, the value on demand."""

    __slots__ = ("seg", "slot", "shape", "dtype", "value")

    def __init__(self, seg: "Segment", slot: int, shape: tuple, dtype):
        self.seg = seg
        self.slot = slot
        self.shape = shape
        self.dtype = dtype
        self.value = None

    def get(self) -> jax.Array:
        """The value (runs the segment if it has not run yet)."""
        v = self.value
        if v is None:
            self.seg.flush()
            v = self.value
            if v is None:
                err = self.seg.error
                if err is not None:
                    raise err
                raise RuntimeError("mxcompat internal error: a deferred value was not "
                                   "computed")
        return v

    @property
    def ndim(self) -> int:
        return len(self.shape)

    @property
    def size(self) -> int:
        return int(np.prod(self.shape, dtype=np.int64))

    # anything else public behaves like the jax.Array it will be
    def __getattr__(self, name):
        if name.startswith("_"):
            raise AttributeError(name)
        return getattr(self.get(), name)

    def __jax_array__(self):
        return self.get()

    def __array__(self, dtype=None, copy=None):
        a = np.asarray(self.get())
        return a if dtype is None else a.astype(dtype)

    def __repr__(self) -> str:
        state = "done" if self.value is not None else "pending"
        return f"Pending({self.shape}, {self.dtype}, {state})"


def resolve(x):
    """``x`` itself, or the value of a placeholder."""
    return x.get() if type(x) is Pending else x


# ----------------------------------------------------------------------------- segments
_AVALS: dict = {}      # (fn, arg avals) -> (multi, ((shape, dtype), ...), out_tree)
_CALLS: dict = {}      # (fn, refs, arg avals) -> (small int id, _AVALS entry)
_PROGRAMS: dict = {}   # segment key -> compiled program
_SEEN: dict = {}       # segment key -> runs so far
_MAX_IDS = 1 << 20
_MAX_PROGRAMS = 256


def _refcounts(outs: list) -> list:
    return [sys.getrefcount(p) for p in outs]


# the count of a placeholder that only its segment refers to
_BASE = _refcounts([Pending(None, 0, (), None)])[0]


class Segment:
    """The calls queued by one thread since its last run."""

    __slots__ = ("box", "calls", "outs", "ext", "ext_ids", "key", "ctx", "done", "error",
                 "lock")

    def __init__(self, box: "_Box"):
        self.box = box
        self.calls: list = []    # (fn, refs, first out slot, number of outs, call id)
        self.outs: list = []     # the Pending of every output slot
        self.ext: list = []      # outside inputs (arrays, scalars)
        self.ext_ids: dict = {}  # id(outside input) -> its position
        self.key: list = []      # call ids
        self.ctx = None
        self.done = False
        self.error = None
        self.lock = threading.RLock()

    # -- recording -------------------------------------------------------------------
    def add(self, fn: Callable, args: Sequence, ctx) -> tuple | None:
        """Queue ``fn(*args)``; (multi, placeholders) or None when it must run now."""
        refs = []
        avals = []
        ext = self.ext
        ext_ids = self.ext_ids
        for a in args:
            t = type(a)
            if t is Pending:
                v = a.value
                if v is None:
                    if a.seg is self:
                        refs.append(a.slot)
                        avals.append((a.shape, a.dtype))
                        continue
                    v = a.get()
                a, t = v, type(v)
            if t is _ARRAY:
                av = (a.shape, a.dtype)
            elif t in _SCALAR_TYPES:
                av = t
            elif isinstance(a, _SCALARS):
                av = (type(a),)
            elif a is None:
                av = "none"
            elif isinstance(a, np.ndarray):
                av = (a.shape, a.dtype, "np")
            else:
                return None   # a tracer or something we do not know: run now
            j = ext_ids.get(id(a))
            if j is None:
                j = ext_ids[id(a)] = len(ext)
                ext.append(a)
            refs.append(-1 - j)
            avals.append(av)
        # the call's identity in a segment key: the function, where its arguments come
        # from, and their shapes and dtypes (which fix the shapes of everything after it)
        ck = (fn, tuple(refs), tuple(avals))
        hit = _CALLS.get(ck)
        if hit is None:
            hit = _new_call(ck, fn, args)
        cid, info = hit
        multi, out_avals, tree = info
        first = len(self.outs)
        if len(out_avals) == 1:
            s, d = out_avals[0]
            outs = [Pending(self, first, s, d)]
        else:
            outs = [Pending(self, first + k, s, d) for k, (s, d) in enumerate(out_avals)]
        self.outs.extend(outs)
        self.calls.append((fn, ck[1], first, len(outs)))
        self.key.append(cid)
        return multi, outs, tree

    # -- running ---------------------------------------------------------------------
    def _alive(self) -> list:
        base = _BASE
        return [i for i, c in enumerate(_refcounts(self.outs)) if c > base]

    def flush(self) -> None:
        """Run the queued calls and fill in every placeholder still referenced."""
        with self.lock:
            if self.done:
                return
            self.done = True
            box = self.box
            if box.seg is self:
                box.seg = Segment(box)
            if not self.calls:
                return
            try:
                self._execute()
            except BaseException as e:  # reported again to whoever reads a value
                self.error = e
                raise
            finally:   # (placeholders keep their segment; it no longer keeps them)
                self.ext = self.ext_ids = self.calls = self.outs = None

    def _execute(self) -> None:
        outs = self.outs
        alive = self._alive()
        if not alive:
            return
        key = (tuple(self.key), tuple(alive))
        prog = _PROGRAMS.get(key)
        if prog is None and len(self.calls) <= MAX_FUSE:
            n = _SEEN.get(key, 0) + 1
            if n >= THRESHOLD:
                _SEEN.pop(key, None)
                if len(_PROGRAMS) >= _MAX_PROGRAMS:
                    _PROGRAMS.clear()
                prog = _PROGRAMS[key] = _build(self.calls, alive)
                stats.compiled += 1
            else:
                if len(_SEEN) > 16 * _MAX_PROGRAMS:
                    _SEEN.clear()
                _SEEN[key] = n
        if prog is not None:
            stats.fused_runs += 1
            with _Suspend():
                vals = prog(self.ext)
            for i, v in zip(alive, vals):
                outs[i].value = v
            return
        stats.stepwise_runs += 1
        env: list = [None] * len(outs)
        needed = _needed(self.calls, alive, len(outs))
        ext = self.ext
        with _Suspend():
            for fn, refs, first, n in self.calls:
                if not needed[first:first + n].any():
                    continue
                res = fn(*[env[r] if r >= 0 else ext[-1 - r] for r in refs])
                if n == 1 and not isinstance(res, (tuple, list)):
                    env[first] = res
                else:
                    env[first:first + n] = list(res)
        for i in alive:
            outs[i].value = env[i]


def _needed(calls, alive, n_slots) -> np.ndarray:
    """Which output slots must be computed for the ``alive`` ones (a backward sweep)."""
    need = np.zeros(n_slots, dtype=bool)
    need[alive] = True
    for fn, refs, first, n in reversed(calls):
        if need[first:first + n].any():
            for r in refs:
                if r >= 0:
                    need[r] = True
    return need


def _build(calls, alive) -> Callable:
    """One jitted program running ``calls`` and returning the ``alive`` slots."""
    need = _needed(calls, alive, max((c[2] + c[3] for c in calls), default=0))
    calls = [c for c in calls if need[c[2]:c[2] + c[3]].any()]

    def segment_program(ext):
        env = {}
        for fn, refs, first, n in calls:
            res = fn(*[env[r] if r >= 0 else ext[-1 - r] for r in refs])
            if n == 1 and not isinstance(res, (tuple, list)):
                env[first] = res
            else:
                for k, v in enumerate(res):
                    env[first + k] = v
        return [env[i] for i in alive]

    return jax.jit(segment_program)


def _new_call(ck: tuple, fn, args) -> tuple:
    if len(_CALLS) >= _MAX_IDS:   # ids restart: forget what was keyed by the old ones
        _CALLS.clear()
        _PROGRAMS.clear()
        _SEEN.clear()
    info = _AVALS.get((fn, ck[2]))
    if info is None:
        info = _out_avals(fn, args, ck[2])
    hit = _CALLS[ck] = (len(_CALLS), info)
    return hit


def _out_avals(fn, args, avals) -> tuple:
    """(multi, ((shape, dtype), ...), out tree) of ``fn(*args)``, by tracing once."""
    spec = []
    for a, av in zip(args, avals):
        if type(a) is Pending:
            spec.append(jax.ShapeDtypeStruct(a.shape, a.dtype))
        elif type(av) is tuple and len(av) >= 2:
            spec.append(jax.ShapeDtypeStruct(av[0], av[1]))
        else:
            spec.append(a)
    with _Suspend():
        res = jax.eval_shape(fn, *spec)
    tree = getattr(fn, "out_tree", None)
    if isinstance(res, (tuple, list)):
        info = (True, tuple((tuple(r.shape), r.dtype) for r in res), tree)
    else:
        info = (False, ((tuple(res.shape), res.dtype),), tree)
    if len(_AVALS) > _MAX_IDS:
        _AVALS.clear()
    _AVALS[(fn, avals)] = info
    return info


# ----------------------------------------------------------------------------- per thread
class _Box:
    """A thread's current segment (a plain object, so other threads can flush it)."""

    __slots__ = ("seg", "suspended", "__weakref__")

    def __init__(self):
        self.seg = Segment(self)
        self.suspended = 0


_local = threading.local()
_boxes: "weakref.WeakSet[_Box]"
import weakref  # noqa: E402

_boxes = weakref.WeakSet()
_boxes_lock = threading.Lock()


def _box() -> _Box:
    b = getattr(_local, "box", None)
    if b is None:
        b = _local.box = _Box()
        with _boxes_lock:
            _boxes.add(b)
    return b


class _Suspend:
    """Inside: calls run at once (used while running or tracing segment programs)."""

    __slots__ = ("box",)

    def __enter__(self):
        self.box = _box()
        self.box.suspended += 1

    def __exit__(self, *exc):
        self.box.suspended -= 1


suspended = _Suspend


# ----------------------------------------------------------------------------- entry points
def run(fn: Callable, args: Sequence, ctx=None):
    """``fn(*args)``, deferred when possible: the result (or tuple of results) may be
    placeholders. ``ctx`` is the device the call runs on (a segment holds one device)."""
    if not _enabled[0] or _tracing():
        return fn(*[resolve(a) for a in args])
    box = _box()
    if box.suspended:
        return fn(*[resolve(a) for a in args])
    seg = box.seg
    with seg.lock:
        if seg.done:
            seg = box.seg
        if seg.ctx is None:
            seg.ctx = ctx
        elif ctx is not None and seg.ctx is not ctx and seg.ctx != ctx:
            seg.flush()
            seg = box.seg
            seg.ctx = ctx
        elif len(seg.calls) >= MAX_CALLS:
            seg.flush()
            seg = box.seg
            seg.ctx = ctx
        res = seg.add(fn, args, ctx)
    if res is None:
        return fn(*[resolve(a) for a in args])
    multi, outs, _tree = res
    return tuple(outs) if multi else outs[0]


class _TreeFn:
    """A function of pytrees as a function of flat leaves returning flat leaves."""

    __slots__ = ("fn", "in_tree", "out_tree", "__weakref__")

    def __init__(self, fn, in_tree):
        self.fn = fn
        self.in_tree = in_tree
        self.out_tree = None

    def __call__(self, *leaves):
        out = self.fn(*jax.tree_util.tree_unflatten(self.in_tree, leaves))
        flat, self.out_tree = jax.tree_util.tree_flatten(out)
        return tuple(flat)


_TREE_FNS: dict = {}


def run_tree(fn: Callable, args: tuple, ctx=None):
    """``fn(*args)`` for arguments and results that are pytrees of arrays."""
    if not _enabled[0] or _tracing() or _box().suspended:
        return fn(*jax.tree_util.tree_map(resolve, args))
    leaves, tree = jax.tree_util.tree_flatten(args)   # (a Pending is a leaf)
    key = (fn, tree)
    w = _TREE_FNS.get(key)
    if w is None:
        if len(_TREE_FNS) > 4096:
            _TREE_FNS.clear()
        w = _TREE_FNS[key] = _TreeFn(fn, tree)
    box = _box()
    seg = box.seg
    with seg.lock:
        if seg.done:
            seg = box.seg
        if seg.ctx is None:
            seg.ctx = ctx
        elif (ctx is not None and seg.ctx is not ctx and seg.ctx != ctx) \
                or len(seg.calls) >= MAX_CALLS:
            seg.flush()
            seg = box.seg
            seg.ctx = ctx
        res = seg.add(w, leaves, ctx)
    if res is None:
        return fn(*jax.tree_util.tree_map(resolve, args))
    _multi, outs, out_tree = res
    return jax.tree_util.tree_unflatten(out_tree, outs)


_MULTI: list = []


def multi_device() -> bool:
    """Whether this process sees more than one device (values may need moving)."""
    if not _MULTI:
        _MULTI.append(len(jax.devices()) > 1 or jax.default_backend() != "cpu")
    return _MULTI[0]


def flush() -> None:
    """Run the calling thread's queued calls."""
    b = getattr(_local, "box", None)
    if b is not None:
        b.seg.flush()


def flush_all() -> None:
    """Run every thread's queued calls."""
    with _boxes_lock:
        boxes = list(_boxes)
    for b in boxes:
        b.seg.flush()
