"""``gluon.SymbolBlock``: a Block made from a Symbol graph (``SymbolBlock.imports`` loads
what ``HybridBlock.export`` or ``Module.save_checkpoint`` wrote).

The graph runs as ONE operator: a registry ``Op`` (not registered by name) whose function
is the graph's pure evaluation (``symbol/_graph.py``), its inputs the graph's arguments
then auxiliary states. ``invoke`` compiles it once per shape, records it as one autograd
node, and writes the updated auxiliary states (BatchNorm running statistics in training)
back into their parameters; inside a hybridized parent the same call is traced into the
parent's compiled function. Like MXNet's SymbolBlock (which always runs its cached
graph), the block runs compiled whether or not it is hybridized.
"""
from __future__ import annotations

import copy
import warnings
from typing import Any

import numpy as np

from .._backend import rng as _rng
from ..base import MXNetError
from ..ndarray.ndarray import NDArray
from .block import HybridBlock
from .parameter import DeferredInitializationError, ParameterDict

__all__ = ["SymbolBlock"]




def _symbol_class():
    from ..symbol.symbol import Symbol   # (mx.sym loads on first use)
    return Symbol


def _flatten(value: Any) -> tuple:
    """(leaves, format): MXNet's structure of a (nested) list of Symbols or NDArrays.
    A leaf's format is 0 (a multi-output Symbol: its number of outputs), None is -1."""
    if isinstance(value, NDArray):
        return [value], 0
    if isinstance(value, _symbol_class()):
        n = len(value.list_outputs())
        return [value], (n if n > 1 else 0)
    if value is None:
        return [None], -1
    if not isinstance(value, (list, tuple)):
        raise AssertionError("HybridBlock input must be (nested) list of Symbol or NDArray, "
                             "but got %s of type %s" % (str(value), str(type(value))))
    leaves, fmt = [], []
    for v in value:
        sub, f = _flatten(v)
        leaves.extend(sub)
        fmt.append(f)
    return leaves, fmt


def _regroup(flat: list, fmt: Any) -> tuple:
    """(the value of structure ``fmt`` built from the front of ``flat``, the rest)."""
    if isinstance(fmt, int):
        if fmt == 0:
            return flat[0], flat[1:]
        if fmt == -1:
            return None, flat[1:]
        return flat[:fmt], flat[fmt:]
    out = []
    for f in fmt:
        v, flat = _regroup(flat, f)
        out.append(v)
    return out, flat


def _common_prefix(names: list) -> str:
    if not names:
        return ""
    prefix = names[0]
    for name in names[1:]:
        i = 0
        while i < len(prefix) and i < len(name) and prefix[i] == name[i]:
            i += 1
        prefix = prefix[:i]
    return prefix


def _param_types(inputs: list, out: "Symbol", n_args: int, n_aux: int) -> tuple:
    """dtypes of the arguments and auxiliary states, inferred from the input variables'
    ``__dtype__`` (float32 where nothing can be inferred)."""
    from .._backend.dtypes import CODE_TO_DTYPE
    given = {}
    for s in inputs:
        code = s.attr("__dtype__")
        if code is not None:
            given[s.name] = np.dtype(CODE_TO_DTYPE[int(code)])
    unknown = [s.name for s in inputs if s.name not in given]
    args = auxs = None
    if unknown:
        # MXNet's type inference cannot start from an input of unknown type: it warns
        # (naming those inputs) and every parameter falls back to float32
        warnings.warn("Cannot decide type for the following arguments. Consider providing "
                      "them as input:\n" + "\n".join("\t%s: None" % n for n in unknown),
                      stacklevel=4)
    else:
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                args, _, auxs = out.infer_type(**given)
        except Exception:  # partial graphs: fall back to float32 as MXNet does
            args = auxs = None
    # (numpy scalar types, as MXNet passes them: Parameter shows <class 'numpy.float32'>)
    f32 = np.float32
    args = [np.dtype(t).type if t is not None else f32 for t in args] if args else \
        [f32] * n_args
    auxs = [np.dtype(t).type if t is not None else f32 for t in auxs] if auxs else \
        [f32] * n_aux
    return args, auxs


_FILL_OPS = {"_zeros": lambda a: 0.0, "_ones": lambda a: 1.0, "_full": lambda a: a["value"]}


def _with_fill_inputs(sym: "Symbol") -> tuple:
    """A copy of ``sym`` where each ``_zeros``/``_ones``/``_full`` node whose shape has
    unknown (0) dimensions -- MXNet's begin states, ``(1, 0, 16)`` -- is a variable, so
    shape inference fills the dimensions from its consumer; and {variable name: (dtype,
    fill value)}."""
    from ..symbol._node import Node
    sym = copy.deepcopy(sym)
    fills, swap = {}, {}
    for node in sym._topo():
        if node.op is not None and node.op.name in _FILL_OPS:
            attrs = node.parsed()
            if any(int(d) == 0 for d in attrs["shape"]):
                swap[id(node)] = Node(None, node.name)
                fills[node.name] = (attrs["dtype"], _FILL_OPS[node.op.name](attrs))
        node.inputs = [(swap.get(id(c), c), i, v) for c, i, v in node.inputs]
    sym._outputs = [(swap.get(id(n), n), i) for n, i in sym._outputs]
    return sym, fills


class _GraphOp:
    """The graph of a SymbolBlock as one anonymous registry operator over its arguments
    then its auxiliary states; fill nodes of unknown shape get their shapes by shape
    inference on the (static) shapes of each call."""

    def __init__(self, sym: "Symbol"):
        import jax.numpy as jnp

        from .._backend.dtypes import to_dtype
        from ..ops.registry import Op
        from ..symbol._graph import Plan
        sym, fills = _with_fill_inputs(sym)
        self.sym = sym
        self.plan = plan = Plan(sym)
        given_args = [n for n in plan.arg_names if n not in fills]
        self.names = given_args + plan.aux_names
        n_arg, n_aux = len(given_args), len(plan.aux_names)
        n_out = len(plan.heads)
        random = any(st.op.needs_key for st in plan.steps)
        shapes_for: dict = {}

        def fill_shapes(arrays) -> dict:
            key = tuple(a.shape for a in arrays)
            hit = shapes_for.get(key)
            if hit is None:
                known = dict(zip(self.names, key))
                arg_shapes, _, _ = sym.infer_shape_partial(**known)
                hit = shapes_for[key] = dict(zip(plan.arg_names, arg_shapes))
            return hit

        def fn(*arrays, _train=False, key=None):
            if key is None:
                key = _rng.placeholder_key()
            args = dict(zip(given_args, arrays[:n_arg]))
            if fills:
                shapes = fill_shapes(arrays)
                for name, (dtype, value) in fills.items():
                    args[name] = jnp.full(shapes[name], value, to_dtype(dtype))
            outs, auxs = plan.run([args[n] for n in plan.arg_names], arrays[n_arg:], key,
                                  _train)
            return tuple(outs) + (tuple(auxs) if n_aux else ())

        self.op = Op("_symbol_block", fn, self.names, num_outputs=n_out, same_dtype=False,
                     train_aware=True, mutate=plan.aux_names, needs_key=random,
                     strict=False)


class SymbolBlock(HybridBlock):
    """A block that runs a Symbol graph; the graph's arguments other than ``inputs`` (and
    its auxiliary states) become its parameters, named as in the graph (no prefix)."""

    @staticmethod
    def imports(symbol_file: str, input_names, param_file: str | None = None, ctx=None,
                allow_missing: bool = False, ignore_extra: bool = False) -> "SymbolBlock":
        """Load ``symbol_file`` (and the ``arg:``/``aux:`` parameters of ``param_file``)."""
        from .. import symbol
        sym = symbol.load(symbol_file)
        if isinstance(input_names, str):
            input_names = [input_names]
        if param_file is None:
            inputs = [symbol.var(i, dtype="float32") for i in input_names]
        else:
            inputs = [symbol.var(i) for i in input_names]
        ret = SymbolBlock(sym, inputs)
        if param_file is not None:
            ret.collect_params().load(param_file, ctx, allow_missing, ignore_extra,
                                      cast_dtype=True, dtype_source="saved")
        return ret

    def __init__(self, outputs, inputs, params=None):
        from ..symbol.symbol import Group, Symbol
        super().__init__(prefix=None, params=None)
        self._prefix = ""
        self._params = ParameterDict("", params)
        if isinstance(inputs, Symbol) and len(inputs.list_outputs()) == 1:
            inputs = [inputs]
        if isinstance(outputs, (list, tuple)) and len(outputs) == 1:
            outputs = outputs[0]
        syms, self._sym_in_format = _flatten(inputs)
        outs, self._out_format = _flatten(outputs)
        input_names = set()
        for s in syms:
            assert len(s.get_internals().list_outputs()) == 1, \
                "Input symbols must be variable, but %s is an output of operators" % str(s)
            input_names.add(s.name)
        for o in outs:
            for j in o.get_internals():
                assert j.attr("__storage_type__") != "1", (
                    "SymbolBlock doesn't support Parameter '%s' because its storage type is "
                    "'row_sparse'." % j.name)
        out = Group(outs) if len(outs) > 1 else outs[0]
        arg_params = out.list_arguments()
        aux_params = out.list_auxiliary_states()
        arg_types, aux_types = _param_types(syms, out, len(arg_params), len(aux_params))
        for name, dt in zip(arg_params, arg_types):
            if name not in input_names:
                self.params.get(name, allow_deferred_init=True, dtype=dt)
        for name, dt in zip(aux_params, aux_types):
            if name not in input_names:
                self.params.get(name, grad_req="null", allow_deferred_init=True, dtype=dt)
        self._cached_graph = (syms, out)
        self._input_names = [s.name for s in syms]
        self._graph_op = None
        n = len(_common_prefix(list(self._params.keys())))
        self._reg_params = {key[n:]: val for key, val in self._params.items()}

    def __repr__(self) -> str:
        syms, out = self._cached_graph
        return "{name}(\n{block} : {n_in} -> {n_out}\n)".format(
            name=self.__class__.__name__, block=out, n_in=len(syms),
            n_out=len(out.list_outputs()))

    def _alias(self) -> str:
        return "symbolblock"

    # ---------------------------------------------------------------------- running
    def forward(self, x, *args):
        if not isinstance(x, NDArray) and isinstance(x, _symbol_class()):
            flat, fmt = _flatten([x] + list(args))
            assert fmt == self._sym_in_format, "Invalid input format"
            ret = copy.copy(self._cached_graph[1])
            ret._compose(**{s.name: v for s, v in zip(self._cached_graph[0], flat)})
            return _regroup(list(ret), self._out_format)[0]
        if not isinstance(x, NDArray):
            raise AssertionError("HybridBlock requires the first argument to forward be "
                                 "either Symbol or NDArray, but got %s" % type(x))
        flat, fmt = _flatten([x] + list(args))
        if fmt != self._sym_in_format:
            raise ValueError("The argument structure of HybridBlock does not match the "
                             "cached version. Stored format = {}, input format = {}"
                             .format(fmt, self._sym_in_format))
        return self._run(flat)

    def _run(self, flat: list):
        from ..ndarray._invoke import invoke
        ctx = flat[0].context
        if self._graph_op is None:
            self._graph_op = _GraphOp(self._cached_graph[1])
        given = dict(zip(self._input_names, flat))
        try:
            params = {p.name: p.data(ctx) for p in self._params.values()}
        except DeferredInitializationError:
            self._infer_and_init(given)
            params = {p.name: p.data(ctx) for p in self._params.values()}
        values = []
        for name in self._graph_op.names:
            v = given.get(name)
            if v is None:
                v = params.get(name)
            if v is None:
                raise MXNetError("SymbolBlock: no value for the graph input '%s'" % name)
            values.append(v)
        res = invoke(self._graph_op.op, values, {})
        res = res if isinstance(res, (list, tuple)) else [res]
        return _regroup(list(res), self._out_format)[0]

    def _infer_and_init(self, given: dict) -> None:
        """Deferred parameters: shapes from the graph's shape inference on the inputs."""
        if self._graph_op is None:
            self._graph_op = _GraphOp(self._cached_graph[1])
        sym = self._graph_op.sym
        try:
            arg_shapes, _, aux_shapes = sym.infer_shape(
                **{k: v.shape for k, v in given.items()})
        except MXNetError as e:
            raise ValueError("Deferred initialization failed because shape cannot be "
                             "inferred. {}".format(e)) from None
        shapes = dict(zip(sym.list_arguments(), arg_shapes))
        shapes.update(zip(sym.list_auxiliary_states(), aux_shapes))
        for name, p in self._params.items():
            if p._data is None and name in shapes:
                p.shape = tuple(shapes[name])
            p._finish_deferred_init()

    def infer_shape(self, *args) -> None:
        flat, _ = _flatten(list(args))
        self._infer_and_init(dict(zip(self._input_names, flat)))

    def hybrid_forward(self, F, x, *args, **kwargs):
        raise NotImplementedError

    def cast(self, dtype) -> None:
        super().cast(dtype)
        if np.dtype(dtype).name == "float16":
            # BatchNorm keeps its statistics and scale in float32
            names = set(self._cached_graph[1].get_internals().list_inputs())
            for stat, others in (("running_var", ("running_mean", "gamma", "beta")),
                                 ("moving_var", ("moving_mean", "gamma", "beta"))):
                for node in names:
                    if node.endswith(stat):
                        base = node[:-len(stat)]
                        sibs = [base + t for t in others]
                        if all(s in names for s in sibs):
                            for n in [node] + sibs:
                                self.params.get(n).cast("float32")
