"""``mx.operator``: Python custom operators (``CustomOp`` / ``CustomOpProp``).

``Custom(*inputs, op_type=..., **kwargs)`` runs the registered operator eagerly: the
user's ``forward`` fills fresh output arrays and, under ``autograd.record()``, one tape
node is recorded whose pullback is the user's ``backward``. Inside compiled code (a
hybridized block, ``jax.jit``) it becomes a ``jax.custom_vjp`` whose forward and backward
run on the host through ``pure_callback``; auxiliary-state writes are lost there.
"""
from __future__ import annotations

import jax
import jax.numpy as jnp
import numpy as np

from ._backend.dtypes import to_dtype
from .autograd import tape as _tape
from .base import MXNetError
from .ndarray.ndarray import NDArray, _wrap

__all__ = ["CustomOp", "CustomOpProp", "register", "Custom", "get_all_registered_operators"]

_REGISTRY: dict = {}
_DTYPE_CODES = {"float32": 0, "float64": 1, "float16": 2, "uint8": 3, "int32": 4, "int8": 5,
                "int64": 6, "bool": 7}


class CustomOp:
    """Base class of a custom operator's computation."""

    def __init__(self):
        pass

    def forward(self, is_train, req, in_data, out_data, aux):
        raise NotImplementedError

    def backward(self, req, out_grad, in_data, out_data, in_grad, aux):
        raise NotImplementedError

    def assign(self, dst: NDArray, req: str, src) -> None:
        """Store ``src`` into ``dst`` as ``req`` says ('write'/'inplace', 'add', 'null')."""
        if req == "null":
            return
        if req in ("write", "inplace"):
            dst[:] = src
        elif req == "add":
            dst[:] = dst + src
        else:
            raise ValueError(f"Invalid req {req!r}")


class CustomOpProp:
    """Base class of a custom operator's properties (arguments, shapes, types)."""

    def __init__(self, need_top_grad: bool = True):
        self.need_top_grad_ = need_top_grad

    def infer_shape(self, in_shape):
        return in_shape, (in_shape[0],) * len(self.list_outputs()), ()

    def infer_type(self, in_type):
        return (in_type, [in_type[0]] * len(self.list_outputs()),
                [in_type[0]] * len(self.list_auxiliary_states()))

    def infer_storage_type(self, in_stype):
        return (in_stype, ["default"] * len(self.list_outputs()),
                ["default"] * len(self.list_auxiliary_states()))

    def list_arguments(self):
        return ["data"]

    def list_outputs(self):
        return ["output"]

    def list_auxiliary_states(self):
        return []

    def declare_backward_dependency(self, out_grad, in_data, out_data):
        deps = []
        if self.need_top_grad_:
            deps.extend(out_grad)
        deps.extend(in_data)
        deps.extend(out_data)
        return deps

    def create_operator(self, ctx, in_shapes, in_dtypes):
        return CustomOp()


def register(reg_name: str):
    """Class decorator: register a ``CustomOpProp`` subclass as ``op_type=reg_name``."""
    def deco(prop_cls):
        _REGISTRY[reg_name] = prop_cls
        return prop_cls
    return deco


def get_all_registered_operators() -> list:
    from .ops.registry import REGISTRY
    return sorted(REGISTRY)


def _prop_for(op_type, kwargs) -> CustomOpProp:
    if not op_type:
        raise MXNetError("Check failed: !params.op_type.empty(): Required argument `op_type` "
                         "is missing.")
    cls = _REGISTRY.get(op_type)
    if cls is None:
        raise MXNetError("Check failed: CustomOperator: :Get()->Find(params.op_type) != "
                         f"nullptr: Cannot find custom operator {op_type}")
    return cls(**{k: str(v) for k, v in kwargs.items()})


def _plan(prop: CustomOpProp, inputs):
    """(output shapes, output dtypes, operator) for these inputs."""
    n_args = len(prop.list_arguments()) + len(prop.list_auxiliary_states())
    if len(inputs) != n_args:
        raise MXNetError(f"Check failed: num_inputs == infered_num_inputs ({len(inputs)} vs. "
                         f"{n_args}) : Operator Custom expects {n_args} inputs, but got "
                         f"{len(inputs)} instead.")
    shapes = [list(x.shape) for x in inputs]
    _, out_shapes, _ = prop.infer_shape([list(s) for s in shapes])
    types = [np.dtype(x.dtype).type for x in inputs]
    _, out_types, _ = prop.infer_type(list(types))
    ctx = inputs[0]._ctx
    op = prop.create_operator(ctx, shapes, [_DTYPE_CODES.get(np.dtype(t).name, 0)
                                            for t in types])
    return ([tuple(int(d) for d in s) for s in out_shapes],
            [to_dtype(np.dtype(t).name) for t in out_types], op)


def _run_forward(op, n_in, ins, out_shapes, out_types, ctx, train):
    prev = (_tape.state.recording, _tape.state.training)
    _tape.state.recording, _tape.state.training = False, train
    try:
        outs = [_wrap(jnp.zeros(s, t), ctx) for s, t in zip(out_shapes, out_types)]
        op.forward(is_train=int(train), req=["write"] * len(outs), in_data=list(ins[:n_in]),
                   out_data=outs, aux=list(ins[n_in:]))
    finally:
        _tape.state.recording, _tape.state.training = prev
    return outs


def _run_backward(op, n_in, reqs, cts, ins, outs, ctx, train):
    prev = (_tape.state.recording, _tape.state.training)
    _tape.state.recording, _tape.state.training = False, train
    try:
        in_grad = [_wrap(jnp.zeros(x.shape, x._dtype), ctx) for x in ins[:n_in]]
        op.backward(req=list(reqs), out_grad=[c if isinstance(c, NDArray) else _wrap(c, ctx)
                                              for c in cts],
                    in_data=list(ins[:n_in]), out_data=list(outs), in_grad=in_grad,
                    aux=list(ins[n_in:]))
    finally:
        _tape.state.recording, _tape.state.training = prev
    return in_grad


class _CustomVJP:
    """Pullback of a Custom node: the user's backward."""

    custom = True

    def __init__(self, op, n_in, n_total, reqs, ins, outs, train):
        self.op, self.n_in, self.reqs = op, n_in, reqs
        self.ins, self.outs, self.train = ins, outs, train
        self.mask = (True,) * n_total

    def pullback(self, node, cts, create_graph: bool):
        ctx = self.ins[0]._ctx
        grads = _run_backward(self.op, self.n_in, self.reqs, cts, self.ins, self.outs, ctx,
                              self.train)
        grads = grads + [_wrap(jnp.zeros(x.shape, x._dtype), ctx)
                         for x in self.ins[self.n_in:]]
        return grads if create_graph else [g._array for g in grads]


def Custom(*inputs, op_type: str | None = None, name=None, out=None, **kwargs):
    """Apply the custom operator registered as ``op_type`` to NDArray ``inputs``."""
    prop = _prop_for(op_type, kwargs)
    arg_names = prop.list_arguments()
    inputs = list(inputs)
    for k in arg_names[len(inputs):]:  # inputs given by keyword
        if k in kwargs:
            inputs.append(kwargs.pop(k))
    out_shapes, out_types, op = _plan(prop, inputs)
    n_in = len(arg_names)
    if any(isinstance(x._array, jax.core.Tracer) for x in inputs):
        outs = _call_compiled(op, n_in, inputs, out_shapes, out_types)
    else:
        ctx = inputs[0]._ctx
        train = bool(_tape.state.training)
        outs = _run_forward(op, n_in, inputs, out_shapes, out_types, ctx, train)
        if _tape.state.recording:
            parents = [_tape.entry_of(x) for x in inputs]
            if any(p is not None for p in parents):
                reqs = ["null" if p is None else (p.req if isinstance(p, _tape.Leaf)
                                                  else "write") for p in parents[:n_in]]
                for i, x in enumerate(inputs):
                    if parents[i] is None:
                        parents[i] = x._ag = _tape.Leaf(None, "null")
                # the pullback sees the values of this call, not later writes
                snap_in = [_wrap(x._array, ctx) for x in inputs]
                snap_out = [_wrap(o._array, ctx) for o in outs]
                node = _tape.Node(_CustomVJP(op, n_in, len(inputs), reqs, snap_in, snap_out,
                                             train), (), False,
                                  tuple(x._array for x in inputs), parents,
                                  tuple((o.shape, o._dtype) for o in outs), len(outs))
                for i, o in enumerate(outs):
                    o._ag = _tape.Entry(node, i)
    return outs[0] if len(outs) == 1 else outs


def _call_compiled(op, n_in, inputs, out_shapes, out_types):
    """The operator as a jax.custom_vjp over host callbacks (inside jax.jit)."""
    ctx = inputs[0]._ctx
    in_structs = tuple(jax.ShapeDtypeStruct(x.shape, x._array.dtype) for x in inputs)
    out_structs = tuple(jax.ShapeDtypeStruct(s, t) for s, t in zip(out_shapes, out_types))
    n_out = len(out_structs)

    def host(xs):
        return [_wrap(jnp.asarray(x), ctx) for x in xs]

    def fwd_cb(*xs):
        outs = _run_forward(op, n_in, host(xs), out_shapes, out_types, ctx,
                            bool(_tape.state.training))
        return tuple(o.asnumpy() for o in outs)

    def bwd_cb(*arrs):
        cts, xs, ys = arrs[:n_out], arrs[n_out:n_out + len(inputs)], arrs[-n_out:]
        grads = _run_backward(op, n_in, ["write"] * n_in, host(cts), host(xs), host(ys),
                              ctx, True)
        res = [g.asnumpy() for g in grads]
        res += [np.zeros(s.shape, s.dtype) for s in in_structs[n_in:]]
        return tuple(np.asarray(r, s.dtype) for r, s in zip(res, in_structs))

    @jax.custom_vjp
    def f(*xs):
        return jax.pure_callback(fwd_cb, out_structs, *xs)

    def f_fwd(*xs):
        ys = f(*xs)
        return ys, (xs, ys)

    def f_bwd(res, cts):
        xs, ys = res
        return jax.pure_callback(bwd_cb, in_structs, *cts, *xs, *ys)

    f.defvjp(f_fwd, f_bwd)
    return [_wrap(o, ctx) for o in f(*[x._array for x in inputs])]
