"""The Executor: a bound Symbol run as ONE compiled function.

Forward is ``jax.jit`` of the whole graph (``_graph.Plan.run``), cached per shapes,
dtypes and the training flag. ``forward(is_train=True)`` runs ``jax.vjp`` inside one
compiled call and keeps the residuals, so ``backward`` is one more compiled call that
does not recompute the forward. Argument, gradient and auxiliary arrays are the NDArrays
the user bound (or that simple_bind made): writing into ``exe.arg_dict['x'][:]`` is seen
by the next forward.
"""
from __future__ import annotations

import jax
import jax.numpy as jnp
import numpy as np

from .._backend import rng as _rng
from .._backend.dtypes import DEFAULT, to_dtype
from ..base import MXNetError
from ..context import Context, current_context
from ..ndarray.ndarray import NDArray, _wrap
from ._graph import Plan

__all__ = ["Executor"]

_PLANS: dict = {}


class _Compiled:
    """The compiled functions of one Plan (shared by every executor of that graph)."""

    def __init__(self, plan: Plan):
        self.plan = plan
        self.forward = jax.jit(plan.run, static_argnums=(3,))
        self._vjp: dict = {}
        self.backward = jax.jit(lambda vjp_fn, cts: vjp_fn(cts))

    def forward_vjp(self, mask: tuple):
        fn = self._vjp.get(mask)
        if fn is None:
            plan = self.plan

            def run(args, auxs, key):
                diff = [a for a, m in zip(args, mask) if m]

                def f(*d):
                    it = iter(d)
                    full = [next(it) if m else a for a, m in zip(args, mask)]
                    outs, new_aux = plan.run(full, auxs, key, True)
                    return outs, new_aux

                outs, vjp_fn, new_aux = jax.vjp(f, *diff, has_aux=True)
                return outs, new_aux, vjp_fn

            fn = self._vjp[mask] = jax.jit(run)
        return fn


def _compiled_for(sym) -> _Compiled:
    key = sym.tojson()
    c = _PLANS.get(key)
    if c is None:
        if len(_PLANS) > 256:
            _PLANS.clear()
        c = _PLANS[key] = _Compiled(Plan(sym))
    return c


def _as_ctx(ctx) -> Context:
    if ctx is None:
        return current_context()
    return ctx if isinstance(ctx, Context) else Context(ctx)


def _zeros(shape, dtype, ctx: Context) -> NDArray:
    arr = jnp.zeros(shape, dtype=to_dtype(dtype))
    return _wrap(jax.device_put(arr, ctx.jax_device), ctx)


def _listify(value, names, what, allow_missing=False):
    """A list (in ``names`` order) from a list or a dict of NDArrays."""
    if value is None:
        return [None] * len(names)
    if isinstance(value, dict):
        out = []
        for n in names:
            if n not in value:
                if allow_missing:
                    out.append(None)
                    continue
                raise ValueError(f"key `{n}` is missing in `{what}`")
            out.append(value[n])
        return out
    value = list(value)
    if len(value) != len(names):
        raise ValueError(f"Length of {what} do not match number of arguments")
    return value


class Executor:
    """Runs a bound Symbol (see the module docstring)."""

    def __init__(self, sym, ctx: Context, arg_arrays, grad_arrays, grad_req, aux_arrays):
        self._symbol = sym
        self._ctx = ctx
        self._compiled = _compiled_for(sym)
        plan = self._compiled.plan
        self._arg_names = plan.arg_names
        self._aux_names = plan.aux_names
        self.arg_arrays = list(arg_arrays)
        self._grads = list(grad_arrays)
        self._no_grads = all(g is None for g in self._grads) and bool(self._grads)
        self.aux_arrays = list(aux_arrays)
        self._grad_req = list(grad_req)
        self.outputs = self._initial_outputs()
        self._vjp = None
        self._pending_aux = None
        self._output_names = sym.list_outputs()
        self._monitor = None

    # -- construction ----------------------------------------------------------------
    @staticmethod
    def _reqs(grad_req, names):
        if isinstance(grad_req, str):
            return [grad_req] * len(names)
        if isinstance(grad_req, dict):
            return [grad_req.get(n, "null") for n in names]
        reqs = list(grad_req)
        if len(reqs) != len(names):
            raise ValueError("grad_req must have the same length as the arguments")
        return reqs

    @classmethod
    def bind(cls, sym, ctx, args, args_grad=None, grad_req="write", aux_states=None,
             group2ctx=None, shared_exec=None) -> "Executor":
        ctx = _as_ctx(ctx)
        arg_names = sym.list_arguments()
        aux_names = sym.list_auxiliary_states()
        args = _listify(args, arg_names, "args")
        for n, a in zip(arg_names, args):
            if not isinstance(a, NDArray):
                raise TypeError(f"Only accept list of NDArrays or dict of str to NDArray "
                                f"(argument {n})")
        grads = _listify(args_grad, arg_names, "args_grad", allow_missing=True)
        reqs = cls._reqs(grad_req, arg_names)
        reqs = [r if g is not None else "null" for r, g in zip(reqs, grads)]
        aux = _listify(aux_states, aux_names, "aux_states")
        if aux_states is None and aux_names:
            raise ValueError(f"key `{aux_names[0]}` is missing in `aux_states`")
        return cls(sym, ctx, args, grads, reqs, aux)

    @classmethod
    def simple_bind(cls, sym, ctx, grad_req="write", type_dict=None, stype_dict=None,
                    shared_exec=None, shapes=None) -> "Executor":
        ctx = _as_ctx(ctx)
        shapes = dict(shapes or {})
        try:
            arg_shapes, _, aux_shapes = sym.infer_shape_partial(**shapes)
        except MXNetError as exc:
            raise RuntimeError(f"simple_bind error. Arguments:\n{exc}") from None
        arg_names = sym.list_arguments()
        aux_names = sym.list_auxiliary_states()
        missing = [n for n, s in zip(arg_names + aux_names, arg_shapes + aux_shapes)
                   if s == ()]
        if missing:
            raise RuntimeError(
                "simple_bind error. Arguments:\n"
                + "".join(f"{k}: {v}\n" for k, v in shapes.items())
                + "InferShape pass cannot decide shapes for the following arguments "
                "(-1 means unknown dimensions). Please consider providing them as "
                "inputs:\n" + "".join(f"{n}: None, " for n in missing) + "\n")
        types = dict(type_dict or {})
        arg_types, _, aux_types = sym.infer_type_partial(**types)
        arg_types = [t if t is not None else DEFAULT for t in arg_types]
        aux_types = [t if t is not None else DEFAULT for t in aux_types]
        args = [_zeros(s, t, ctx) for s, t in zip(arg_shapes, arg_types)]
        reqs = cls._reqs(grad_req, arg_names)
        grads = [None if r == "null" else _zeros(s, t, ctx)
                 for r, s, t in zip(reqs, arg_shapes, arg_types)]
        aux = [_zeros(s, t, ctx) for s, t in zip(aux_shapes, aux_types)]
        return cls(sym, ctx, args, grads, reqs, aux)

    def _initial_outputs(self) -> list:
        """Output arrays before the first forward (zeros of the inferred shapes)."""
        try:
            shapes = {n: a.shape for n, a in zip(self._arg_names, self.arg_arrays)}
            _, out_shapes, _ = self._symbol.infer_shape(**shapes)
            types = {n: a.dtype for n, a in zip(self._arg_names, self.arg_arrays)}
            _, out_types, _ = self._symbol.infer_type(**types)
        except Exception:
            return []
        if out_shapes is None:
            return []
        out_types = out_types or [DEFAULT] * len(out_shapes)
        return [_zeros(s, t, self._ctx) for s, t in zip(out_shapes, out_types)]

    # -- views -----------------------------------------------------------------------
    @property
    def grad_arrays(self):
        return None if self._no_grads else self._grads

    @property
    def arg_dict(self) -> dict:
        return dict(zip(self._arg_names, self.arg_arrays))

    @property
    def grad_dict(self) -> dict:
        return dict(zip(self._arg_names, self._grads))

    @property
    def aux_dict(self) -> dict:
        return dict(zip(self._aux_names, self.aux_arrays))

    @property
    def output_dict(self) -> dict:
        return dict(zip(self._output_names, self.outputs))

    def debug_str(self) -> str:
        return self._symbol.debug_str()

    def set_monitor_callback(self, callback, monitor_all=False):
        self._monitor = callback

    # -- running ---------------------------------------------------------------------
    def forward(self, is_train: bool = False, **kwargs) -> list:
        """Run the graph; ``kwargs`` are copied into the bound arguments first."""
        arg_dict = self.arg_dict
        for name, value in kwargs.items():
            if name not in arg_dict:
                raise TypeError(f"Unknown argument {name}")
            target = arg_dict[name]
            if isinstance(value, NDArray):
                if target.shape != value.shape:
                    raise ValueError(f"Shape not match! Argument {name}, need: "
                                     f"{target.shape}, received: {value.shape}")
                target._assign(value._array)
            else:
                arr = np.asarray(value)
                if target.shape != arr.shape:
                    raise ValueError(f"Shape not match! Argument {name}, need: "
                                     f"{target.shape}, received: {arr.shape}")
                target[:] = arr
        ctx = self._ctx
        key = _rng.next_key((ctx.device_type, ctx.device_id))
        args = [a._array for a in self.arg_arrays]
        auxs = [a._array for a in self.aux_arrays]
        comp = self._compiled
        mask = tuple(r != "null" and bool(jnp.issubdtype(a.dtype, jnp.inexact))
                     for r, a in zip(self._grad_req, args))
        if is_train and any(mask):
            outs, new_aux, vjp_fn = comp.forward_vjp(mask)(args, auxs, key)
            self._vjp = (vjp_fn, mask, [(o.shape, o.dtype) for o in outs])
        else:
            outs, new_aux = comp.forward(args, auxs, key, bool(is_train))
            self._vjp = None
        # MXNet's BatchNorm writes its moving statistics in the backward pass: keep the
        # new values until backward()
        self._pending_aux = new_aux if is_train else None
        self.outputs = [_wrap(o, ctx) for o in outs]
        return self.outputs

    def backward(self, out_grads=None, is_train: bool = True) -> None:
        """Gradients of the last training forward into ``grad_arrays`` (per grad_req)."""
        if self._vjp is None:
            if not any(r != "null" for r in self._grad_req):
                return
            raise MXNetError("Check failed: !AGInfo::IsNone(*output): Cannot differentiate "
                             "node because it is not in a computational graph. You need to "
                             "call forward(is_train=True) before backward")
        vjp_fn, mask, out_avals = self._vjp
        if out_grads is None:
            out_grads = []
        elif isinstance(out_grads, NDArray):
            out_grads = [out_grads]
        elif isinstance(out_grads, dict):
            out_grads = [out_grads.get(n) for n in self._output_names]
        loss = self._compiled.plan.loss_heads
        cts = []
        for i, (shape, dtype) in enumerate(out_avals):
            g = out_grads[i] if i < len(out_grads) else None
            if g is None:
                if not loss[i]:
                    raise MXNetError(
                        "Check failed: i < head_grads.size() && !head_grads[i].is_none(): "
                        "Because the last operator is not Loss function, head_gradient is "
                        "required when calling backward. If you are attempting to minimize "
                        "the output as an objective, please modify your network and pass "
                        "it through the make_loss symbol.")
                cts.append(jnp.ones(shape, dtype))
            else:
                arr = g._array if isinstance(g, NDArray) else jnp.asarray(g)
                cts.append(arr.astype(dtype))
        grads = self._compiled.backward(vjp_fn, cts)
        if self._pending_aux is not None:
            for a, v in zip(self.aux_arrays, self._pending_aux):
                a._set(v)
            self._pending_aux = None
        it = iter(grads)
        for m, req, target in zip(mask, self._grad_req, self._grads):
            if not m:
                continue
            g = next(it)
            if req == "add":
                target._set(target._array + g.astype(target._dtype))
            elif req == "write":
                target._set(g.astype(target._dtype))

    # -- reshaping and parameters -----------------------------------------------------
    def reshape(self, partial_shaping: bool = False, allow_up_sizing: bool = False,
                **kwargs) -> "Executor":
        """A new executor for new input shapes, sharing arrays whose shape is unchanged."""
        arg_shapes, _, aux_shapes = self._symbol.infer_shape(**kwargs)
        if arg_shapes is None:
            raise MXNetError("Insufficient argument shapes provided.")
        ctx = self._ctx

        def remake(name, old, shape, what):
            if old is None:
                return None
            if old.shape == tuple(shape):
                return old._view_of(0, old.shape)  # a new handle on the same storage
            if name not in kwargs and not partial_shaping:
                raise MXNetError(f"Check failed: partial_shaping: New shape of {what}: {name}"
                                 f" is different from the original. Consider setting "
                                 f"partial_shaping=True.")
            if int(np.prod(shape)) > int(np.prod(old.shape)) and not allow_up_sizing:
                raise MXNetError(
                    f"Check failed: allow_up_sizing: New shape of {what}: {name} is larger "
                    "than original.First making a big executor and then down sizing it is "
                    "more efficient than the reverse.If you really want to up size, set "
                    "allow_up_sizing=True to enable allocation of new arrays.")
            return _zeros(tuple(shape), old._dtype, ctx)

        args = [remake(n, a, s, "arg") for n, a, s in
                zip(self._arg_names, self.arg_arrays, arg_shapes)]
        grads = [remake(n, g, s, "arg") for n, g, s in
                 zip(self._arg_names, self._grads, arg_shapes)]
        aux = [remake(n, a, s, "aux") for n, a, s in
               zip(self._aux_names, self.aux_arrays, aux_shapes)]
        return Executor(self._symbol, ctx, args, grads, self._grad_req, aux)

    def copy_params_from(self, arg_params: dict, aux_params: dict | None = None,
                         allow_extra_params: bool = False) -> None:
        arg_dict, aux_dict = self.arg_dict, self.aux_dict
        for name, array in arg_params.items():
            if name in arg_dict:
                array.copyto(arg_dict[name])
            elif not allow_extra_params:
                raise ValueError(f'Find name "{name}" that is not in the arguments')
        for name, array in (aux_params or {}).items():
            if name in aux_dict:
                array.copyto(aux_dict[name])
            elif not allow_extra_params:
                raise ValueError(f'Find name {name} that is not in the auxiliary states')
