"""The Symbol class: a list of outputs of a graph of ``Node`` s (see ``_node.py``)."""
from __future__ import annotations

import numbers
from typing import Any

import numpy as np

from .. import attribute as _attribute
from .. import name as _name
from .._backend.dtypes import DTYPE_TO_CODE, to_dtype
from ..base import MXNetError
from ..ops.registry import Op
from . import _node
from ._node import Node, topo_order

__all__ = ["Symbol", "Variable", "var", "Group", "create", "NotImplementedForSymbol"]

# Attribute keys MXNet also lists without their underscores (list_attr, attr_dict).
HIDDEN_KEYS = ("ctx_group", "lr_mult", "wd_mult", "force_mirroring", "mirror_stage",
               "profiler_scope")

_STYPE_CODE = {"default": 0, "row_sparse": 1, "csr": 2}


class NotImplementedForSymbol(MXNetError):
    """A Python operation that only NDArray supports."""

    def __init__(self, function, alias=None, *args):
        super().__init__()
        self.function = function.__name__ if callable(function) else str(function)
        self.alias = alias
        self.args = tuple(str(type(a)) for a in args)

    def __str__(self):
        msg = f"Function {self.function}"
        if self.alias:
            msg += f' (namely operator "{self.alias}")'
        if self.args:
            msg += " with arguments (" + ", ".join(self.args) + ")"
        return msg + " is not implemented for Symbol and only available in NDArray."


def _norm_key(key: str) -> str:
    return f"__{key}__" if key in HIDDEN_KEYS else key


def _is_dunder(key: str) -> bool:
    return len(key) > 4 and key.startswith("__") and key.endswith("__")


def _listed(attrs: dict) -> dict:
    """Attributes as list_attr shows them: hidden keys also without underscores."""
    out = {}
    for k, v in reversed(list(attrs.items())):  # MXNet's hash map lists newest first
        out[k] = v
        if _is_dunder(k) and k[2:-2] in HIDDEN_KEYS:
            out[k[2:-2]] = v
    return out


class Symbol:
    """A symbolic expression: one or more outputs of a computation graph."""

    __slots__ = ("_outputs", "__weakref__")
    __hash__ = None  # unhashable, as in MXNet

    def __init__(self, outputs):
        self._outputs = list(outputs)  # [(Node, index)]

    # -- identity ------------------------------------------------------------------
    def _single_node(self):
        """The node behind every output, or None when they come from several nodes."""
        node = self._outputs[0][0] if self._outputs else None
        for n, _ in self._outputs:
            if n is not node:
                return None
        return node

    @property
    def name(self) -> str | None:
        node = self._single_node()
        return None if node is None else node.name

    def __repr__(self):
        name = self.name
        if name is None:
            return "<Symbol group [" + ", ".join(n.name for n, _ in self._outputs) + "]>"
        return f"<Symbol {name}>"

    __str__ = __repr__

    def __len__(self):
        return len(self.list_outputs())

    def __iter__(self):
        return (self[i] for i in range(len(self._outputs)))

    def __getitem__(self, index):
        if isinstance(index, str):
            names = self.list_outputs()
            idx = None
            for i, n in enumerate(names):
                if n == index:
                    if idx is not None:
                        raise ValueError(f'There are multiple outputs with name "{index}"')
                    idx = i
            if idx is None:
                raise ValueError(f'Cannot find output that matches name "{index}"')
            index = idx
        if isinstance(index, slice):
            return Group([self[i] for i in range(len(self._outputs))[index]])
        if not isinstance(index, (int, np.integer)):
            raise TypeError("Symbol only support integer index to fetch i-th output")
        if index >= len(self._outputs) or index < -len(self._outputs):
            raise IndexError
        return Symbol([self._outputs[index]])

    def __bool__(self):
        raise NotImplementedForSymbol(self.__bool__, "bool")

    __nonzero__ = __bool__

    def __copy__(self):
        return self.__deepcopy__(None)

    def __deepcopy__(self, memo):
        mapping = {}
        for node in topo_order(n for n, _ in self._outputs):
            new = Node(node.op, node.name, node.attrs,
                       [(mapping[id(c)], i, v) for c, i, v in node.inputs])
            new.version = node.version
            mapping[id(node)] = new
        return Symbol([(mapping[id(n)], i) for n, i in self._outputs])

    def __getstate__(self):
        return {"handle": self.tojson()}

    def __setstate__(self, state):
        from .json_io import load_json
        self._outputs = load_json(state["handle"])._outputs

    def __reduce__(self):
        from .json_io import load_json
        return (load_json, (self.tojson(),))

    # -- graph walks ---------------------------------------------------------------
    def _heads(self):
        return [n for n, _ in self._outputs]

    def _topo(self) -> list[Node]:
        return topo_order(self._heads())

    def _aux_ids(self, order=None) -> set:
        aux = set()
        for node in order or self._topo():
            if node.op is not None and node.op.aux:
                names = _node.input_names(node.op, node.parsed(), len(node.inputs))
                for slot, (child, _, _) in zip(names, node.inputs):
                    if slot in node.op.aux and child.op is None:
                        aux.add(id(child))
        return aux

    def _variables(self):
        """(argument nodes, auxiliary nodes) in graph order."""
        order = self._topo()
        aux = self._aux_ids(order)
        args, auxs = [], []
        for n in order:
            if n.op is None:
                (auxs if id(n) in aux else args).append(n)
        return args, auxs

    def list_arguments(self) -> list[str]:
        return [n.name for n in self._variables()[0]]

    def list_auxiliary_states(self) -> list[str]:
        return [n.name for n in self._variables()[1]]

    def list_inputs(self) -> list[str]:
        return [n.name for n in self._topo() if n.op is None]

    def list_outputs(self) -> list[str]:
        return [_node.output_names(n)[i] for n, i in self._outputs]

    def get_internals(self) -> "Symbol":
        outs = []
        for n in self._topo():
            outs.extend((n, i) for i in range(_node.visible_outputs(n)))
        return Symbol(outs)

    def get_children(self) -> "Symbol | None":
        node = self._single_node()
        if node is None or not node.inputs:
            return None
        return Symbol([(c, i) for c, i, _ in node.inputs])

    # -- attributes ----------------------------------------------------------------
    def attr(self, key: str) -> str | None:
        node = self._single_node()
        if node is None:
            return None
        return node.attrs.get(_norm_key(key))

    def list_attr(self, recursive: bool = False) -> dict:
        if recursive:
            raise DeprecationWarning("Symbol.list_attr with recursive=True has been "
                                     "deprecated. Please use attr_dict instead.")
        return _listed(self._outputs[0][0].attrs)

    def attr_dict(self) -> dict:
        return {n.name: _listed(n.attrs) for n in self._topo() if n.attrs}

    def _set_attr(self, **kwargs: str) -> None:
        node = self._outputs[0][0]
        for k, v in kwargs.items():
            if not isinstance(v, str):
                raise ValueError("Set Attr only accepts string values")
            k = _norm_key(k)
            if node.op is not None and not _is_dunder(k):
                _node.op_attrs(node.op, dict(node.attrs, **{k: v}))
                node._parsed = None
            node.attrs[k] = v

    # -- composition ---------------------------------------------------------------
    def __call__(self, *args, **kwargs) -> "Symbol":
        s = self.__copy__()
        s._compose(*args, **kwargs)
        return s

    def _compose(self, *args, **kwargs) -> None:
        """Replace argument variables by symbols (by name)."""
        name = kwargs.pop("name", None)
        if args:
            raise MXNetError("General composition only support kwargs for now")
        for k, v in kwargs.items():
            if not isinstance(v, Symbol):
                raise TypeError("Compose expect `Symbol` as arguments")
            if len(v._outputs) != 1:
                raise MXNetError(f"Keyword Argument {k} is a tuple, single value is "
                                 "required")
        for node in self._topo():
            node.inputs = [(kwargs[c.name]._outputs[0][0], kwargs[c.name]._outputs[0][1], 0)
                           if c.op is None and c.name in kwargs else (c, i, v)
                           for c, i, v in node.inputs]
        self._outputs = [(kwargs[n.name]._outputs[0][0], kwargs[n.name]._outputs[0][1])
                         if n.op is None and n.name in kwargs else (n, i)
                         for n, i in self._outputs]
        if name and len(self._outputs) == 1:
            self._outputs[0][0].name = name

    # -- arithmetic ----------------------------------------------------------------
    def _binary(self, other, op_sym, hint_sym, op_scalar, hint_scalar):
        if isinstance(other, Symbol):
            return create(op_sym, [self, other], {}, hint=hint_sym)
        if isinstance(other, numbers.Number):
            return create(op_scalar, [self], {"scalar": other}, hint=hint_scalar)
        raise TypeError(f"type {type(other)} not supported")

    def __add__(self, o):
        return self._binary(o, "elemwise_add", "_plus", "_plus_scalar", "_plusscalar")

    __radd__ = __add__

    def __sub__(self, o):
        return self._binary(o, "elemwise_sub", "_minus", "_minus_scalar", "_minusscalar")

    def __rsub__(self, o):
        return self._binary(o, None, None, "_rminus_scalar", "_rminusscalar")

    def __mul__(self, o):
        return self._binary(o, "elemwise_mul", "_mul", "_mul_scalar", "_mulscalar")

    __rmul__ = __mul__

    def __truediv__(self, o):
        return self._binary(o, "elemwise_div", "_div", "_div_scalar", "_divscalar")

    __div__ = __truediv__

    def __rtruediv__(self, o):
        return self._binary(o, None, None, "_rdiv_scalar", "_rdivscalar")

    __rdiv__ = __rtruediv__

    def __mod__(self, o):
        return self._binary(o, "_mod", "_mod", "_mod_scalar", "_modscalar")

    def __rmod__(self, o):
        return self._binary(o, None, None, "_rmod_scalar", "_rmodscalar")

    def __pow__(self, o):
        return self._binary(o, "_power", "_power", "_power_scalar", "_powerscalar")

    def __rpow__(self, o):
        return self._binary(o, None, None, "_rpower_scalar", "_rpower_scalar")

    def __neg__(self):
        return self.__mul__(-1.0)

    def __abs__(self):
        return create("abs", [self], {})

    def __eq__(self, o):
        return self._binary(o, "_equal", "_equal", "_equal_scalar", "_equal_scalar")

    def __ne__(self, o):
        return self._binary(o, "_not_equal", "_not_equal", "_not_equal_scalar",
                            "_not_equal_scalar")

    def __gt__(self, o):
        return self._binary(o, "_greater", "_greater", "_greater_scalar", "_greater_scalar")

    def __ge__(self, o):
        return self._binary(o, "_greater_equal", "_greater_equal", "_greater_equal_scalar",
                            "_greater_equal_scalar")

    def __lt__(self, o):
        return self._binary(o, "_lesser", "_lesser", "_lesser_scalar", "_lesser_scalar")

    def __le__(self, o):
        return self._binary(o, "_lesser_equal", "_lesser_equal", "_lesser_equal_scalar",
                            "_lesser_equal_scalar")

    def __iadd__(self, o):
        raise NotImplementedForSymbol(self.__iadd__, "+=", o)

    def __isub__(self, o):
        raise NotImplementedForSymbol(self.__isub__, "-=", o)

    def __imul__(self, o):
        raise NotImplementedForSymbol(self.__imul__, "*=", o)

    def __itruediv__(self, o):
        raise NotImplementedForSymbol(self.__itruediv__, "/=", o)

    def astype(self, dtype, **kwargs) -> "Symbol":
        return create("Cast", [self], dict(kwargs, dtype=dtype), hint="cast")

    # -- shapes and types ------------------------------------------------------------
    def infer_shape(self, *args, **kwargs):
        from ._infer import infer_shape
        return infer_shape(self, args, kwargs, partial=False)

    def infer_shape_partial(self, *args, **kwargs):
        from ._infer import infer_shape
        return infer_shape(self, args, kwargs, partial=True)

    def infer_type(self, *args, **kwargs):
        from ._infer import infer_type
        return infer_type(self, args, kwargs, partial=False)

    def infer_type_partial(self, *args, **kwargs):
        from ._infer import infer_type
        return infer_type(self, args, kwargs, partial=True)

    # -- serialisation ---------------------------------------------------------------
    def tojson(self, remove_amp_cast: bool = True) -> str:
        from .json_io import to_json
        return to_json(self)

    def save(self, fname: str, remove_amp_cast: bool = True) -> None:
        if not isinstance(fname, str):
            raise TypeError("fname need to be string")
        with open(fname, "w") as f:
            f.write(self.tojson())

    def debug_str(self) -> str:
        lines = []
        for n in self._topo():
            if n.op is None:
                lines.append(f"Variable:{n.name}")
            else:
                lines.append("-" * 40)
                lines.append(f"Op:{_node.json_op_name(n.op)}, Name={n.name}")
                lines.append("Inputs:")
                for j, (c, i, _) in enumerate(n.inputs):
                    lines.append(f"\targ[{j}]={c.name}({i})"
                                 + (" version=%d" % c.version if c.op is None else ""))
                if n.attrs:
                    lines.append("Attrs:")
                    lines.extend(f"\t{k}={v}" for k, v in n.attrs.items())
        return "\n".join(lines) + "\n"

    # -- execution -------------------------------------------------------------------
    def bind(self, ctx, args, args_grad=None, grad_req="write", aux_states=None,
             group2ctx=None, shared_exec=None):
        from .executor import Executor
        return Executor.bind(self, ctx, args, args_grad, grad_req, aux_states,
                             group2ctx, shared_exec)

    def simple_bind(self, ctx, grad_req="write", type_dict=None, stype_dict=None,
                    group2ctx=None, shared_arg_names=None, shared_exec=None,
                    shared_buffer=None, **kwargs):
        from .executor import Executor
        return Executor.simple_bind(self, ctx, grad_req, type_dict, stype_dict,
                                    shared_exec, kwargs)

    def _bind(self, *args, **kwargs):
        return self.bind(*args, **kwargs)

    def _simple_bind(self, *args, **kwargs):
        return self.simple_bind(*args, **kwargs)

    def eval(self, ctx=None, **kwargs):
        from ..context import current_context
        ctx = current_context() if ctx is None else ctx
        aux_names = set(self.list_auxiliary_states())
        args = {k: v for k, v in kwargs.items() if k not in aux_names}
        aux = {k: v for k, v in kwargs.items() if k in aux_names}
        return self.bind(ctx, args, aux_states=aux or None).forward()

    def gradient(self, wrt):
        raise NotImplementedError("Symbol.gradient is not provided by mxcompat")

    def optimize_for(self, backend, *args, **kwargs):
        raise NotImplementedError("Symbol.optimize_for (subgraph backends) is not provided "
                                  "by mxcompat")


# ---------------------------------------------------------------------------- builders
def _dtype_str(value) -> str:
    return np.dtype(to_dtype(value)).name if value is not None else "None"


def _attr_strings(op: Op, kwargs: dict) -> dict:
    """What MXNet stores for the user's attribute values (``str(v)``; dtypes by name)."""
    from ..ops.attrs import Dtype
    out = {}
    for k, v in kwargs.items():
        spec = op.attrs.get(k)
        if isinstance(spec, Dtype) and not isinstance(v, str):
            out[k] = _dtype_str(v)
        else:
            out[k] = str(v)
    return out


def _scoped_attrs(attr: dict | None) -> dict:
    attr = _attribute.current().get(attr)
    if attr and not isinstance(attr, dict):
        raise TypeError("attr must be a dict")
    return {_norm_key(k): v for k, v in (attr or {}).items()}


def create(op: Op | str, inputs, kwargs: dict, name: str | None = None,
           attr: dict | None = None, hint: str | None = None) -> Symbol:
    """One application of ``op`` as a Symbol (MXNet's naming, missing inputs as
    variables named ``<name>_<input>``).

    ``inputs``: a list of Symbols (by position), or a dict input name -> Symbol.
    """
    if isinstance(op, str):
        op = _node.lookup_op(op)
    extra = _scoped_attrs(attr)
    params = dict(kwargs)
    for k, v in list(extra.items()):
        if not _is_dunder(k):  # plain keys are operator parameters to MXNet
            params[k] = extra.pop(k)
    if op.variadic:
        params.setdefault(op.variadic, len(inputs))
    parsed = op.parse(params)
    attrs = dict(extra)
    attrs.update(_attr_strings(op, params))
    node_name = _name.current().get(name, hint or op.name.lower())
    if op.variadic:
        slots = _node.input_names(op, parsed, len(inputs))
        values = list(inputs)
    else:
        if isinstance(inputs, (list, tuple)):
            inputs = dict(zip(op.inputs, inputs))
        slots = _node.input_names(op, parsed)
        values = [inputs.get(slot) for slot in slots]
    entries = []
    for slot, s in zip(slots, values):
        if s is None:
            var_attrs = dict(attrs)
            var_attrs.update(_node.INPUT_VAR_ATTRS.get((op.name, slot), {}))
            entries.append([Node(None, f"{node_name}_{slot}", var_attrs), 0, 0])
            continue
        if not isinstance(s, Symbol):
            raise AssertionError(f"Argument {slot} must be Symbol instances, but got {s}")
        if len(s._outputs) != 1:
            raise MXNetError(f"Check failed: kv.second->outputs.size() == 1U "
                             f"({len(s._outputs)} vs. 1) : Keyword Argument {slot} is a "
                             "tuple, single value is required")
        entries.append([s._outputs[0][0], s._outputs[0][1], 0])
    for slot, e in zip(slots, entries):
        if slot in op.mutate and e[0].op is None:
            e[0].version += 1
            e[2] = e[0].version
    node = Node(op, node_name, attrs, [tuple(e) for e in entries])
    node._parsed = parsed
    n = _node.visible_outputs(node)
    return Symbol([(node, i) for i in range(n)])


def Variable(name: str, attr: dict | None = None, shape=None, lr_mult=None, wd_mult=None,
             dtype=None, init=None, stype=None, profiler_scope=None, **kwargs) -> Symbol:
    """A placeholder (an argument of the graph), with MXNet's ``__x__`` attributes."""
    if not isinstance(name, str):
        raise TypeError("Expect a string for variable `name`")
    attr = _attribute.current().get(attr)
    if attr is not None and not isinstance(attr, dict):
        raise TypeError("mxnet.symbol.symbol.Symbol._set_attr() argument after ** must be "
                        f"a mapping, not {type(attr).__name__}")
    attrs = {_norm_key(k): v for k, v in (attr or {}).items()}
    if shape is not None:
        attrs["__shape__"] = str(shape)
    if lr_mult is not None:
        attrs["__lr_mult__"] = str(lr_mult)
    if wd_mult is not None:
        attrs["__wd_mult__"] = str(wd_mult)
    if dtype is not None:
        attrs["__dtype__"] = str(DTYPE_TO_CODE[to_dtype(dtype)])
    if init is not None:
        attrs["__init__"] = init if isinstance(init, str) else init.dumps()
    if stype is not None:
        attrs["__storage_type__"] = str(_STYPE_CODE[stype])
    if profiler_scope is not None:
        attrs["__profiler_scope__"] = str(profiler_scope)
    for k, v in kwargs.items():
        if _is_dunder(k):
            attrs[k] = str(v)
        else:
            raise ValueError(f"Attribute name={k} is not supported. Additional attributes "
                             "must start and end with double underscores, e.g, __yourattr__")
    return Symbol([(Node(None, name, attrs), 0)])


var = Variable


def Group(symbols) -> Symbol:
    """One symbol whose outputs are the outputs of ``symbols``, in order."""
    if not symbols or any(not isinstance(s, Symbol) for s in symbols):
        raise TypeError("Expected a list of symbols as input")
    outs = []
    for s in symbols:
        outs.extend(s._outputs)
    return Symbol(outs)
