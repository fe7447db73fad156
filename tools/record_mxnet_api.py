"""Record the public Python API of real MXNet 1.9.1 into ``tests/data/mxnet_api.json``.

    /work/shared/tools/mxnet-oracle tools/record_mxnet_api.py [output.json]
    python tools/record_mxnet_api.py [output.json]      (re-runs itself under the oracle)

``tools/api_coverage.py`` reads the file to measure how much of that API mxcompat has.
The file holds, for each recorded module, its public names with a kind (module, class,
function, constant), and for the main classes their public members with a kind (method,
property, classmethod, staticmethod, attribute).

What counts as a public name of a module ``m`` (the same rule for every module):

* a name of ``dir(m)`` that does not start with ``_``;
* not a module from outside MXNet (``np``, ``os``, ...), and not a class or function
  defined outside MXNet (``OrderedDict``, ``contextmanager``, ...);
* not a function or value re-exported from ``mxnet.base`` (the C API helpers
  ``check_call``, ``c_array``, ``numeric_types``, ...), not a ctypes structure, and not
  ``None`` (the placeholder of an optional import such as ``cv2``);
* not another MXNet module imported for internal use (``mx.image.nd``); a module's own
  submodules stay (``mx.gluon.nn``), and every MXNet module is kept as a name of ``mx``;
* when ``m`` declares ``__all__``, a name outside it is kept only if it is a class or
  function of ``m`` itself or an operator generated into ``m`` (so ``mx.nd`` loses its
  implementation modules ``gen_op``, ``op``, ``register``, ... but keeps every operator).

A function or method is marked *abstract* when it can only raise NotImplementedError (see
:func:`always_raises_not_implemented`): MXNet itself raises there (``Block.forward``,
``EvalMetric.update``), so mxcompat raising there too is not a gap.
"""
from __future__ import annotations

import ast
import importlib
import inspect
import json
import os
import subprocess
import sys
import textwrap
import types

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(REPO, "tests", "data", "mxnet_api.json")
ORACLE = os.environ.get("MXNET_ORACLE",
                        os.path.join(os.path.dirname(REPO), "shared", "tools", "mxnet-oracle"))

#: Recorded modules: the name legacy code writes -> the module it names in MXNet.
MODULES = {
    "mx": "mxnet",
    "mx.nd": "mxnet.ndarray",
    "mx.nd.linalg": "mxnet.ndarray.linalg",
    "mx.nd.random": "mxnet.ndarray.random",
    "mx.nd.contrib": "mxnet.ndarray.contrib",
    "mx.nd.image": "mxnet.ndarray.image",
    "mx.autograd": "mxnet.autograd",
    "mx.init": "mxnet.initializer",
    "mx.random": "mxnet.random",
    "mx.context": "mxnet.context",
    "mx.gluon": "mxnet.gluon",
    "mx.gluon.nn": "mxnet.gluon.nn",
    "mx.gluon.rnn": "mxnet.gluon.rnn",
    "mx.gluon.loss": "mxnet.gluon.loss",
    "mx.gluon.data": "mxnet.gluon.data",
    "mx.gluon.data.vision": "mxnet.gluon.data.vision",
    "mx.gluon.data.vision.transforms": "mxnet.gluon.data.vision.transforms",
    "mx.gluon.utils": "mxnet.gluon.utils",
    "mx.gluon.model_zoo.vision": "mxnet.gluon.model_zoo.vision",
    "mx.sym": "mxnet.symbol",
    "mx.sym.linalg": "mxnet.symbol.linalg",
    "mx.sym.random": "mxnet.symbol.random",
    "mx.sym.contrib": "mxnet.symbol.contrib",
    "mx.sym.image": "mxnet.symbol.image",
    "mx.mod": "mxnet.module",
    "mx.executor": "mxnet.executor",
    "mx.io": "mxnet.io",
    "mx.metric": "mxnet.metric",
    "mx.optimizer": "mxnet.optimizer",
    "mx.lr_scheduler": "mxnet.lr_scheduler",
    "mx.test_utils": "mxnet.test_utils",
    "mx.image": "mxnet.image",
    "mx.callback": "mxnet.callback",
    "mx.model": "mxnet.model",
    "mx.kv": "mxnet.kvstore",
    "mx.name": "mxnet.name",
    "mx.attribute": "mxnet.attribute",
    "mx.recordio": "mxnet.recordio",
    "mx.visualization": "mxnet.visualization",
    "mx.monitor": "mxnet.monitor",
    "mx.profiler": "mxnet.profiler",
    "mx.util": "mxnet.util",
}

#: Classes whose public members are recorded: short name -> path as legacy code writes it.
CLASSES = {
    "NDArray": "mx.nd.NDArray",
    "Symbol": "mx.sym.Symbol",
    "Executor": "mx.executor.Executor",
    "Block": "mx.gluon.Block",
    "HybridBlock": "mx.gluon.HybridBlock",
    "Parameter": "mx.gluon.Parameter",
    "ParameterDict": "mx.gluon.ParameterDict",
    "Trainer": "mx.gluon.Trainer",
    "DataLoader": "mx.gluon.data.DataLoader",
    "Module": "mx.mod.Module",
    "EvalMetric": "mx.metric.EvalMetric",
    "Optimizer": "mx.optimizer.Optimizer",
}


# ----------------------------------------------------------------------------- shared rules
def always_raises_not_implemented(obj) -> bool:
    """True when function ``obj`` can only end by raising NotImplementedError: its body
    ends with ``raise NotImplementedError`` (or ``raise NotImplementedError(...)``) and
    holds no ``return`` or ``yield`` (nested functions aside), so every path that does not
    fail earlier reaches that raise. A body that is just the raise is the common case.

    Properties are judged by their getter, class/static methods by their function, a
    class by the ``__init__`` it uses. Objects without readable Python source (C
    functions, code made by ``exec``) give False. Used by both this recorder (on MXNet)
    and ``tools/api_coverage.py`` (on mxcompat).
    """
    func = _function_of(obj)
    if func is None:
        return False
    try:
        source = textwrap.dedent(inspect.getsource(func))
        tree = ast.parse(source)
    except (OSError, TypeError, SyntaxError, IndentationError):
        return False
    if not tree.body or not isinstance(tree.body[0], (ast.FunctionDef, ast.AsyncFunctionDef)):
        return False
    body = tree.body[0].body
    last = body[-1]
    if not isinstance(last, ast.Raise) or last.exc is None:
        return False
    exc = last.exc.func if isinstance(last.exc, ast.Call) else last.exc
    if not (isinstance(exc, ast.Name) and exc.id == "NotImplementedError"):
        return False
    return not any(_returns(stmt) for stmt in body)


def _returns(node: ast.AST) -> bool:
    """A return/yield in ``node``, not counting nested function or class bodies."""
    if isinstance(node, (ast.Return, ast.Yield, ast.YieldFrom)):
        return True
    if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda, ast.ClassDef)):
        return False
    return any(_returns(child) for child in ast.iter_child_nodes(node))


def _function_of(obj):
    if isinstance(obj, property):
        obj = obj.fget
    elif isinstance(obj, (classmethod, staticmethod)):
        obj = obj.__func__
    elif isinstance(obj, type):
        for klass in obj.__mro__:
            if "__init__" in vars(klass):
                obj = vars(klass)["__init__"]
                break
        else:
            return None
        if obj is object.__init__:
            return None
    if obj is None:
        return None
    try:
        obj = inspect.unwrap(obj)
    except ValueError:
        return None
    return obj if isinstance(obj, (types.FunctionType, types.MethodType)) else None


def kind_of(value) -> str:
    """'module', 'class', 'function' or 'constant'."""
    if isinstance(value, types.ModuleType):
        return "module"
    if isinstance(value, type):
        return "class"
    if callable(value):
        return "function"
    return "constant"


def member_kind(cls: type, name: str) -> str:
    """'property', 'classmethod', 'staticmethod', 'method' or 'attribute' for a class member."""
    try:
        raw = inspect.getattr_static(cls, name)
    except AttributeError:
        return "attribute"
    if isinstance(raw, property):
        return "property"
    if isinstance(raw, classmethod):
        return "classmethod"
    if isinstance(raw, staticmethod):
        return "staticmethod"
    if inspect.isfunction(raw) or inspect.ismethoddescriptor(raw) and callable(raw):
        return "method"
    return "attribute"


# ----------------------------------------------------------------------------- recording
def _outside_mxnet(value) -> bool:
    """A module, class or function that comes from outside MXNet (stdlib, numpy, ...)."""
    if isinstance(value, types.ModuleType):
        return not value.__name__.startswith("mxnet")
    if isinstance(value, type) or inspect.isroutine(value):
        origin = getattr(value, "__module__", None) or ""
        top = origin.split(".")[0]
        # Generated operators say __module__ = 'ndarray' / 'symbol' (no such module).
        return top != "mxnet" and top in sys.modules
    return False


def _public_names(module: types.ModuleType, base_helpers: dict) -> dict:
    import ctypes

    declared = getattr(module, "__all__", None)
    names = {}
    for name in dir(module):
        if name.startswith("_"):
            continue
        value = getattr(module, name)
        if value is None or _outside_mxnet(value):
            continue  # None: an optional third-party import that failed (cv2, scipy)
        if isinstance(value, types.ModuleType) and module.__name__ != "mxnet" \
                and not value.__name__.startswith(module.__name__ + "."):
            continue  # another MXNet module imported for internal use (mx.image.nd)
        if isinstance(value, type) and issubclass(value, ctypes.Structure):
            continue  # C API plumbing
        if not isinstance(value, type) and module.__name__ != "mxnet.base" \
                and base_helpers.get(name, _ABSENT) is value:
            continue  # mxnet.base's helpers (check_call, c_array, numeric_types, ...)
        if declared is not None and name not in declared:
            own = getattr(value, "__module__", None)
            generated = own is not None and own.split(".")[0] not in sys.modules
            if isinstance(value, types.ModuleType) or not (own == module.__name__
                                                            or generated):
                continue
        names[name] = kind_of(value)
    return names


_ABSENT = object()


def _resolve(path: str, modules: dict):
    head, _, attr = path.rpartition(".")
    return getattr(modules[head], attr)


def record() -> dict:
    import mxnet  # the real one: this function runs under the oracle

    import mxnet.base as base
    base_helpers = {k: v for k, v in vars(base).items() if not k.startswith("_")}
    loaded, out_modules = {}, {}
    for alias, real in MODULES.items():
        try:
            module = importlib.import_module(real)
        except ImportError:
            continue
        loaded[alias] = module
        names = _public_names(module, base_helpers)
        abstract = sorted(n for n, k in names.items() if k == "function"
                          and always_raises_not_implemented(getattr(module, n)))
        out_modules[alias] = {"module": real, "names": dict(sorted(names.items())),
                              "abstract": abstract}
    out_classes = {}
    for short, path in CLASSES.items():
        cls = _resolve(path, loaded)
        members = {n: member_kind(cls, n) for n in dir(cls) if not n.startswith("_")}
        abstract = sorted(n for n in members if n in dir(cls) and
                          always_raises_not_implemented(
                              inspect.getattr_static(cls, n)))
        out_classes[short] = {"path": path, "qualname": f"{cls.__module__}.{cls.__qualname__}",
                              "members": dict(sorted(members.items())), "abstract": abstract}
    return {"mxnet_version": mxnet.__version__,
            "generated_by": "tools/record_mxnet_api.py",
            "modules": out_modules, "classes": out_classes}


def _is_real_mxnet() -> bool:
    try:
        import mxnet
    except ImportError:
        return False
    return not hasattr(mxnet, "install_as_mxnet") and hasattr(mxnet, "libinfo")


def main(argv: list[str]) -> None:
    out = argv[0] if argv else OUT
    if not _is_real_mxnet():
        # Not under MXNet: run this file under the oracle and let it write the file.
        subprocess.run([ORACLE, os.path.abspath(__file__), os.path.abspath(out)],
                       check=True, cwd=REPO)
        return
    data = record()
    with open(out, "w") as f:
        json.dump(data, f, indent=1, sort_keys=False)
        f.write("\n")
    n_names = sum(len(m["names"]) for m in data["modules"].values())
    n_members = sum(len(c["members"]) for c in data["classes"].values())
    print(f"wrote {out}: {len(data['modules'])} modules, {n_names} names, "
          f"{len(data['classes'])} classes, {n_members} members")


if __name__ == "__main__":
    main(sys.argv[1:])
