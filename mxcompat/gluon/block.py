"""Gluon blocks: ``Block``, ``HybridBlock`` and ``SymbolBlock``.

Names follow MXNet: a block made outside any ``name_scope`` takes the next global name for
its kind (``dense0_``); a block made inside a parent's ``name_scope`` takes a counter of
that parent (``sequential0_dense1_``). ``hybridize()`` turns a HybridBlock into one compiled
function (``_hybrid.py``).
"""
from __future__ import annotations

import re
import threading
import warnings
from collections import OrderedDict
from typing import Any, Callable

from .. import name as _name
from .. import ndarray as nd
from ..context import Context, _set_current_context, current_context
from ..ndarray.ndarray import NDArray
from . import _export, _hybrid
from .parameter import DeferredInitializationError, Parameter, ParameterDict, _shape_known

__all__ = ["Block", "HybridBlock", "SymbolBlock"]


class _BlockScope:
    """The naming scope a Block opens with ``name_scope()``."""

    _local = threading.local()

    def __init__(self, block: "Block"):
        self._block = block
        self._counter: dict[str, int] = {}
        self._old_scope = None
        self._name_scope = None

    @staticmethod
    def current():
        return getattr(_BlockScope._local, "value", None)

    @staticmethod
    def create(prefix, params, hint):
        """(prefix, ParameterDict) for a new block of kind ``hint``."""
        current = _BlockScope.current()
        if current is None:
            if prefix is None:
                prefix = _name.current().get(None, hint) + "_"
            if params is None:
                params = ParameterDict(prefix)
            else:
                params = ParameterDict(params.prefix, params)
            return prefix, params
        if prefix is None:
            count = current._counter.get(hint, 0)
            prefix = "%s%d_" % (hint, count)
            current._counter[hint] = count + 1
        if params is None:
            parent = current._block.params
            params = ParameterDict(parent.prefix + prefix, parent._shared)
        else:
            params = ParameterDict(params.prefix, params)
        return current._block.prefix + prefix, params

    def __enter__(self):
        if self._block._empty_prefix:
            return self
        self._old_scope = _BlockScope.current()
        _BlockScope._local.value = self
        self._name_scope = _name.Prefix(self._block.prefix)
        self._name_scope.__enter__()
        return self

    def __exit__(self, ptype, value, trace):
        if self._block._empty_prefix:
            return
        self._name_scope.__exit__(ptype, value, trace)
        self._name_scope = None
        _BlockScope._local.value = self._old_scope


def _type_str(obj: Any) -> str:
    """``str(type(obj))`` as MXNet shows it: our classes under their ``mxnet`` module name."""
    klass = type(obj)
    mod = klass.__module__
    if mod == "mxcompat" or mod.startswith("mxcompat."):
        mod = "mxnet" + mod[len("mxcompat"):]
    if mod == "builtins":
        return str(klass)
    return "<class '%s.%s'>" % (mod, klass.__qualname__)


def _indent(s: str, n: int) -> str:
    lines = s.split("\n")
    if len(lines) == 1:
        return s
    return lines[0] + "\n" + "\n".join(" " * n + line for line in lines[1:])


class HookHandle:
    """Returned by ``register_forward_hook``; ``detach()`` removes the hook."""

    _next = [0]

    def __init__(self, hooks: OrderedDict, fn: Callable):
        self._hooks = hooks
        self._id = HookHandle._next[0]
        HookHandle._next[0] += 1
        hooks[self._id] = fn

    def detach(self) -> None:
        self._hooks.pop(self._id, None)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.detach()


class Block:
    """Base class of all layers and models: owns parameters and child blocks."""

    def __init__(self, prefix: str | None = None, params: ParameterDict | None = None):
        self._empty_prefix = prefix == ""
        self._prefix, self._params = _BlockScope.create(prefix, params, self._alias())
        self._name = self._prefix[:-1] if self._prefix.endswith("_") else self._prefix
        self._scope = _BlockScope(self)
        self._children: "OrderedDict[str, Block]" = OrderedDict()
        self._reg_params: dict[str, Parameter] = {}
        self._forward_hooks: OrderedDict = OrderedDict()
        self._forward_pre_hooks: OrderedDict = OrderedDict()

    def __repr__(self) -> str:
        s = "{name}(\n{modstr}\n)"
        modstr = "\n".join("  ({key}): {block}".format(key=key, block=_indent(repr(block), 2))
                           for key, block in self.__dict__.items() if isinstance(block, Block))
        return s.format(name=self.__class__.__name__, modstr=modstr)

    def __setattr__(self, name: str, value: Any) -> None:
        if hasattr(self, name):
            existing = getattr(self, name)
            if isinstance(existing, (Parameter, Block)) and not isinstance(value, type(existing)):
                # (MXNet's message has no space before "is")
                raise TypeError("Changing attribute type for {name} from {type1} to {type2}"
                                "is not allowed.".format(name=name, type1=_type_str(existing),
                                                         type2=_type_str(value)))
        if isinstance(value, Block):
            self.register_child(value, name)
        elif isinstance(value, Parameter):
            # (MXNet leaves the %s of this message unformatted)
            assert name not in self._reg_params, (
                "Overriding Parameter attribute %s is not allowed. If you want to share "
                "parameters between blocks, please set 'params' at Block construction "
                "instead.")
            self._reg_params[name] = value
        super().__setattr__(name, value)

    def _alias(self) -> str:
        return self.__class__.__name__.lower()

    @property
    def prefix(self) -> str:
        return self._prefix

    @property
    def name(self) -> str:
        return self._name

    @property
    def params(self) -> ParameterDict:
        """This block's own parameters (not its children's)."""
        return self._params

    def name_scope(self) -> _BlockScope:
        """``with self.name_scope():`` names child blocks and parameters under this one."""
        return self._scope

    def collect_params(self, select: str | None = None) -> ParameterDict:
        """This block's and all descendants' parameters, optionally filtered by regex."""
        self._warn_unregistered_containers()
        ret = ParameterDict(self._params.prefix)
        if not select:
            ret.update(self.params)
        else:
            pattern = re.compile(select)
            ret._params.update((k, v) for k, v in self.params.items() if pattern.match(k))
        for child in self._children.values():
            ret.update(child.collect_params(select=select))
        return ret

    def _warn_unregistered_containers(self) -> None:
        """Warn (as MXNet does) about list/tuple/dict attributes holding Blocks that are not
        registered children: their parameters are not collected."""
        children = {id(c) for c in self._children.values()}

        def holds_stray_block(value) -> bool:
            if isinstance(value, (list, tuple)):
                return any(holds_stray_block(v) for v in value)
            if isinstance(value, dict):
                return any(holds_stray_block(v) for v in value.values())
            return isinstance(value, Block) and id(value) not in children

        for key, value in self.__dict__.items():
            if (isinstance(value, (list, tuple, dict)) and key != "_children"
                    and not key.startswith("__") and holds_stray_block(value)):
                warnings.warn('"{name}" is an unregistered container with Blocks. Note that '
                              'Blocks inside the list, tuple or dict will not be registered '
                              'automatically. Make sure to register them using register_child() '
                              'or switching to nn.Sequential/nn.HybridSequential instead. '
                              .format(name=type(self).__name__ + "." + key), stacklevel=3)

    def _collect_params_with_prefix(self, prefix: str = "") -> dict:
        if prefix:
            prefix += "."
        ret = {prefix + key: val for key, val in self._reg_params.items()}
        for name, child in self._children.items():
            ret.update(child._collect_params_with_prefix(prefix + name))
        return ret

    def register_child(self, block: "Block", name: str | None = None) -> None:
        if name is None:
            name = str(len(self._children))
        self._children[name] = block
        self._changed()

    def _changed(self) -> None:
        """Called when the children change (hybridized blocks drop their compiled code)."""

    def register_forward_pre_hook(self, hook: Callable) -> HookHandle:
        """``hook(block, inputs)`` runs before each ``forward``."""
        return HookHandle(self._forward_pre_hooks, hook)

    def register_forward_hook(self, hook: Callable) -> HookHandle:
        """``hook(block, inputs, outputs)`` runs after each ``forward``."""
        return HookHandle(self._forward_hooks, hook)

    def apply(self, fn: Callable) -> "Block":
        """Call ``fn`` on every descendant, then on this block."""
        for child in self._children.values():
            child.apply(fn)
        fn(self)
        return self

    def initialize(self, init=None, ctx=None, verbose: bool = False,
                   force_reinit: bool = False) -> None:
        """Initialise all parameters (see ``ParameterDict.initialize``)."""
        self.collect_params().initialize(init, ctx, verbose, force_reinit)

    def hybridize(self, active: bool = True, **kwargs: Any) -> None:
        """Compile the HybridBlocks in this tree (a plain Block itself stays Python)."""
        for child in self._children.values():
            child.hybridize(active, **kwargs)

    def cast(self, dtype) -> None:
        """Cast every parameter to ``dtype``."""
        for child in self._children.values():
            child.cast(dtype)
        for p in self.params.values():
            p.cast(dtype)

    def save(self, prefix: str) -> None:
        raise NotImplementedError("Block.save (model structure and parameters as "
                                  "'<prefix>-model.json'/'-model.params') is not supported by "
                                  "mxcompat; use save_parameters")

    def load(self, prefix: str) -> None:
        raise NotImplementedError("Block.load (model structure and parameters from "
                                  "'<prefix>-model.json'/'-model.params') is not supported by "
                                  "mxcompat; use load_parameters")

    def register_op_hook(self, callback, monitor_all: bool = False):
        raise NotImplementedError("Block.register_op_hook is not supported by mxcompat")

    # ------------------------------------------------------------------ save / load
    def save_parameters(self, filename: str, deduplicate: bool = False) -> None:
        """Save parameters under their structural names (``0.weight``), MXNet's format."""
        params = self._collect_params_with_prefix()
        if deduplicate:
            # a shared parameter is saved once, under the last of its names (as MXNet)
            last = {id(val): key for key, val in params.items()}
            params = {k: v for k, v in params.items() if last[id(v)] == k}
        nd.save(filename, {key: val._reduce() for key, val in params.items()})

    def save_params(self, filename: str) -> None:
        warnings.warn("save_params is deprecated. Please use save_parameters. Note that if "
                      "you want load from SymbolBlock later, please use export instead. For "
                      "details, see https://mxnet.apache.org/tutorials/gluon/save_load_params."
                      "html")
        try:
            self.collect_params().save(filename, strip_prefix=self.prefix)
        except ValueError as e:
            # MXNet 1.9 reads ``e.message`` here, which Python 3 exceptions lack
            raise AttributeError("'ValueError' object has no attribute 'message'") from e

    def load_parameters(self, filename: str, ctx=None, allow_missing: bool = False,
                        ignore_extra: bool = False, cast_dtype: bool = False,
                        dtype_source: str = "current") -> None:
        """Load a file written by ``save_parameters`` (or the legacy ``save_params``)."""
        from .parameter import _brief_print_list
        loaded = nd.load(filename)
        params = self._collect_params_with_prefix()
        if not loaded and not params:
            return
        if not any("." in k for k in loaded.keys()):   # (a list file fails here, as in MXNet)
            # a file of full parameter names (save_params / ParameterDict.save)
            del loaded
            self.collect_params().load(filename, ctx, allow_missing, ignore_extra,
                                       self.prefix, cast_dtype=cast_dtype,
                                       dtype_source=dtype_source)
            return
        if not allow_missing:
            names_of: dict = {}
            for k, v in params.items():
                names_of.setdefault(id(v), []).append(k)
            for name, param in params.items():
                assert any(p in loaded for p in names_of[id(param)]), (
                    "Parameter '%s' is missing in file '%s', which contains parameters: %s. "
                    "Set allow_missing=True to ignore missing parameters."
                    % (name, filename, _brief_print_list(loaded.keys())))
        for name in loaded:
            if not ignore_extra and name not in params:
                raise ValueError(
                    "Parameter '%s' loaded from file '%s' is not present in ParameterDict, "
                    "which contains parameters %s. Set ignore_extra=True to ignore. "
                    % (name, filename, _brief_print_list(self._params.keys())))
            if name in params:
                params[name]._load_init(loaded[name], ctx, cast_dtype=cast_dtype,
                                        dtype_source=dtype_source)

    def load_params(self, filename: str, ctx=None, allow_missing: bool = False,
                    ignore_extra: bool = False) -> None:
        warnings.warn("load_params is deprecated. Please use load_parameters.")
        self.load_parameters(filename, ctx, allow_missing, ignore_extra)

    # ------------------------------------------------------------------ calling
    def __call__(self, *args):
        for hook in list(self._forward_pre_hooks.values()):
            hook(self, args)
        out = self.forward(*args)
        for hook in list(self._forward_hooks.values()):
            hook(self, args, out)
        return out

    def forward(self, *args):
        """Override: the computation of this block on NDArrays."""
        raise NotImplementedError

    def summary(self, *inputs) -> None:
        """Print each layer's output shape and parameter count (runs one forward)."""
        from ._summary import summary
        summary(self, *inputs)


_ONE_INPUT = [0]


def _input_context(x, args: tuple) -> Context:
    """The context of the first NDArray among the (nested) arguments (None for Symbol
    arguments)."""
    if type(x) is NDArray and all(type(a) is NDArray for a in args):
        return x._ctx   # the common case: NDArray arguments
    from ..symbol.symbol import Symbol
    leaves = list(_leaves((x,) + args))
    has_sym = any(isinstance(leaf, Symbol) for leaf in leaves)
    for leaf in leaves:
        if isinstance(leaf, NDArray):
            if has_sym:
                raise ValueError("In HybridBlock, we do not support mixed NDArrays and "
                                 "Symbols types for the input. Please check the type of the "
                                 "args.\n")
            return leaf.context
    if has_sym:
        return None
    raise ValueError("In HybridBlock, there must be one NDArray or one Symbol in the input. "
                     "Please check the type of the args.\n")


def _leaves(value):
    if isinstance(value, (list, tuple)):
        for v in value:
            yield from _leaves(v)
    else:
        yield value


def _input_format(value, ctxs: list):
    """MXNet's format of a (nested) argument list: 0 for an NDArray, -1 for None, a list
    for a list or tuple; other values are refused. Collects the distinct contexts."""
    if isinstance(value, NDArray):
        c = value.context
        if c not in ctxs:
            ctxs.append(c)
        return 0
    if value is None:
        return -1
    if isinstance(value, (list, tuple)):
        return [_input_format(v, ctxs) for v in value]
    raise ValueError("When hybridized, the input of HybridBlock input must be (nested) list "
                     "of Symbol or NDArray, but got {} of type {}".format(value, type(value)))


def _same_but_trailing_none(a: list, b: list) -> bool:
    """True when the longer format only adds ``None`` arguments (left to their defaults)."""
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    if len(short) == len(long_):
        return False
    return long_[:len(short)] == short and all(f == -1 for f in long_[len(short):])


def _as_lists(value):
    """Tuples in a hybridized block's outputs become lists, as MXNet returns them."""
    if isinstance(value, (list, tuple)):
        return [_as_lists(v) for v in value]
    return value


class HybridBlock(Block):
    """A Block written as ``hybrid_forward(F, x, *args, **params)``, which can be compiled
    with ``hybridize()`` into one XLA function."""

    def __init__(self, prefix: str | None = None, params: ParameterDict | None = None):
        super().__init__(prefix=prefix, params=params)
        self._active = False
        self._flags: dict = {}
        self._cached = None   # _hybrid.Compiled state, built on the first hybridized call
        self._in_format = None   # argument structure fixed by the first hybridized call

    def __setattr__(self, name: str, value: Any) -> None:
        super().__setattr__(name, value)
        if isinstance(value, (Parameter, HybridBlock)):
            self._changed()

    def register_child(self, block: Block, name: str | None = None) -> None:
        if not isinstance(block, HybridBlock):
            raise ValueError(
                "Children of HybridBlock must also be HybridBlock, but %s has type %s. If you "
                "are using Sequential, please try HybridSequential instead."
                % (str(block), _type_str(block)))
        super().register_child(block, name)

    def _changed(self) -> None:
        if getattr(self, "_cached", None) is not None:
            self._cached = None
        self._in_format = None

    def hybridize(self, active: bool = True, static_alloc: bool = False,
                  static_shape: bool = False, **kwargs: Any) -> None:
        """Compile this block (and its children) on the next call.

        ``static_alloc``/``static_shape`` are accepted; XLA plans memory statically anyway.
        """
        self._active = active
        self._flags = dict(kwargs, static_alloc=static_alloc, static_shape=static_shape)
        self._cached = None
        self._in_format = None
        if active and (self._forward_hooks or self._forward_pre_hooks):
            warnings.warn('"{block}" is being hybridized while still having forward hook/'
                          'pre-hook. If "{block}" is a child of HybridBlock, the hooks will '
                          'not take effect.'.format(block=self))
        super().hybridize(active, static_alloc=static_alloc, static_shape=static_shape,
                          **kwargs)

    def cast(self, dtype) -> None:
        self._cached = None
        self._in_format = None
        super().cast(dtype)

    def infer_shape(self, *args) -> None:
        """Fill in the unknown dimensions of this block's parameters from its inputs.

        Built-in layers define it; a custom block with deferred-shape parameters of its own
        must define it too (MXNet infers them through its symbolic graph). A block whose own
        shapes are known (a container) runs one eager forward pass (not recorded), in which
        its children infer their shapes and finish their deferred initialisation.
        """
        pending = [p.name for p in self.params.values() if not _shape_known(p.shape)]
        if pending:
            raise NotImplementedError(
                "mxcompat cannot infer the shapes of the deferred parameters %s of %s: give "
                "them full shapes, or define %s.infer_shape(*inputs) to set them"
                % (pending, type(self).__name__, type(self).__name__))
        for p in self.params.values():
            p._finish_deferred_init()
        from .. import autograd
        with autograd.pause(), _hybrid._Eager():
            self.forward(*args)

    def infer_type(self, *args) -> None:
        """Parameters keep their own dtypes; nothing to infer."""

    def _deferred_infer_shape(self, *args) -> None:
        try:
            self.infer_shape(*args)
        except NotImplementedError:
            raise
        except Exception as e:
            raise ValueError("Deferred initialization failed because shape cannot be "
                             "inferred. {}".format(e)) from None

    def forward(self, x, *args):
        """Run ``hybrid_forward`` with ``F = mx.nd`` (or the compiled function when
        hybridized)."""
        if type(x) is NDArray and not args:
            ctx = x._ctx
        else:
            ctx = _input_context(x, args)
            if ctx is None:
                return self._symbol_forward(x, *args)
        if self._active and not _hybrid.eager_here():
            return self._call_compiled((x,) + args)
        # (not ``with ctx:``: one Context object may be entered by nested blocks)
        old_ctx = current_context()
        _set_current_context(ctx)
        try:
            try:
                params = {k: v.data(ctx) for k, v in self._reg_params.items()}
            except DeferredInitializationError:
                self._deferred_infer_shape(x, *args)
                for p in self.params.values():
                    p._finish_deferred_init()
                params = {k: v.data(ctx) for k, v in self._reg_params.items()}
            return self.hybrid_forward(nd, x, *args, **params)
        finally:
            _set_current_context(old_ctx)

    def _symbol_forward(self, x, *args):
        """``hybrid_forward`` with ``F = mx.sym`` on Symbol inputs (building a graph)."""
        from .. import symbol
        params = {k: v.var() for k, v in self._reg_params.items()}
        with self.name_scope():
            return self.hybrid_forward(symbol, x, *args, **params)

    def _call_compiled(self, args: tuple):
        """Check the arguments as MXNet's cached graph does, run the compiled function and
        give its (nested) outputs back as lists."""
        if len(args) > 1 or type(args[0]) is not NDArray:
            ctxs: list = []
            fmt = _input_format(args, ctxs)
            if len(ctxs) > 1:
                raise ValueError(
                    "Find multiple contexts in the input, After hybridized, the HybridBlock "
                    "only supports one input context. You can print the ele.ctx in the input "
                    "arguments to inspect their contexts. Find all contexts = {%s}"
                    % ", ".join(str(c) for c in ctxs))
        else:
            fmt = _ONE_INPUT
        if self._in_format is None:
            self._in_format = fmt
            _export.note_first_call(self)
        elif fmt != self._in_format and not _same_but_trailing_none(fmt, self._in_format):
            # (MXNet labels the two formats the other way round)
            raise ValueError("The argument structure of HybridBlock does not match the "
                             "cached version. Stored format = {}, input format = {}"
                             .format(fmt, self._in_format))
        out = _hybrid.call(self, args)
        return out if type(out) is NDArray else _as_lists(out)

    def hybrid_forward(self, F, x, *args, **kwargs):
        """Override: the computation, written against ``F`` (``mx.nd`` here)."""
        raise NotImplementedError

    def export(self, path: str, epoch: int = 0, remove_amp_cast: bool = True) -> None:
        """Write ``path-symbol.json`` and ``path-%04d.params`` (see ``_export.py``)."""
        _export.export(self, path, epoch, remove_amp_cast)

    def optimize_for(self, x, *args, backend=None, **kwargs):
        raise NotImplementedError("HybridBlock.optimize_for (subgraph backends) is not "
                                  "supported by mxcompat")

    def register_op_hook(self, callback, monitor_all: bool = False):
        raise NotImplementedError("HybridBlock.register_op_hook is not supported by mxcompat")


from .symbol_block import SymbolBlock  # noqa: E402  (it subclasses HybridBlock)
