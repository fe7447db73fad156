"""Make ``import mxnet`` (and every ``mxnet.x.y``) resolve to mxcompat.

``install_as_mxnet()`` puts a finder at the front of ``sys.meta_path``. It maps
any module name ``mxnet[.a.b]`` to ``mxcompat[.a.b]``:

* the top-level ``mxnet`` is a small module object, :class:`MXNetAlias`, that
  forwards attribute reads, writes and deletions to the ``mxcompat`` package
  but keeps its own module dunders, so ``mxnet.__version__`` can report the
  emulated MXNet version while ``mxcompat.__version__`` stays mxcompat's own;
* every submodule ``mxnet.a.b`` is *the very same module object* as
  ``mxcompat.a.b`` (so ``mxnet.ndarray.NDArray is mxcompat.ndarray.NDArray``),
  found lazily on first import, so submodules added to mxcompat later work
  without changes here;
* a name mxcompat does not have fails the usual way, with
  ``ModuleNotFoundError: No module named 'mxnet.a.b'``.
"""
from __future__ import annotations

import importlib
import importlib.abc
import importlib.machinery
import importlib.util
import sys
import threading
import types
from typing import Any

__all__ = ["install_as_mxnet", "uninstall_as_mxnet", "is_installed", "mxnet_version",
           "MXNetAlias"]

#: The MXNet release whose Python API mxcompat emulates; ``mxnet.__version__``.
mxnet_version = "1.9.1"

_ALIAS = "mxnet"
#: The package being aliased: the one this module lives in (``mxcompat``).
_TARGET = __name__.rpartition(".")[0] or "mxcompat"

# Import attributes that the import system writes onto a module it loads. For
# an alias load they would be overwritten with the alias spec, so they are put
# back afterwards.
_IMPORT_ATTRS = ("__name__", "__spec__", "__loader__", "__package__", "__path__",
                 "__file__", "__cached__")
_MISSING = object()

_lock = threading.RLock()
_finder: "_MXNetFinder | None" = None
_alias: "MXNetAlias | None" = None


def _is_dunder(name: str) -> bool:
    return len(name) > 4 and name[:2] == "__" and name[-2:] == "__"


def _real_name(alias_name: str) -> str:
    return _TARGET + alias_name[len(_ALIAS):]


class MXNetAlias(types.ModuleType):
    """The ``mxnet`` top-level module: a live view of the ``mxcompat`` package.

    Attribute reads that the alias does not hold itself go to mxcompat;
    assignments and deletions of ordinary (non-dunder) names go to mxcompat too,
    so monkeypatching ``mx.something`` patches mxcompat. Module dunders
    (``__version__``, ``__spec__``, ``__loader__``, ...) belong to the alias.
    """

    def __init__(self, target: types.ModuleType) -> None:
        super().__init__(_ALIAS)
        d = self.__dict__
        d["_MXNetAlias__target"] = target
        d["__doc__"] = (f"Apache MXNet {mxnet_version} API, provided by {target.__name__} "
                        f"(module {_ALIAS!r} is an alias of {target.__name__!r}).")
        d["__version__"] = mxnet_version
        # The lookup of names the alias lacks is a module-level __getattr__
        # (PEP 562) rather than a class method, so reads of names the alias
        # holds stay plain module-dict hits, as fast as on mxcompat itself.
        d["__getattr__"] = lambda name: _lookup(self, name)

    def __setattr__(self, name: str, value: Any) -> None:
        if _is_dunder(name):
            self.__dict__[name] = value
        else:
            self.__dict__.pop(name, None)
            setattr(self.__dict__["_MXNetAlias__target"], name, value)

    def __delattr__(self, name: str) -> None:
        if _is_dunder(name):
            try:
                del self.__dict__[name]
            except KeyError:
                raise AttributeError(name) from None
        else:
            self.__dict__.pop(name, None)
            delattr(self.__dict__["_MXNetAlias__target"], name)

    def __dir__(self) -> list[str]:
        own = [k for k in self.__dict__ if _is_dunder(k)]
        return sorted(set(dir(self.__dict__["_MXNetAlias__target"])).union(own))

    def __repr__(self) -> str:
        target = self.__dict__["_MXNetAlias__target"]
        return (f"<module {_ALIAS!r} (alias of {target.__name__!r}, "
                f"MXNet {self.__dict__.get('__version__', mxnet_version)} API)>")


def _lookup(alias: MXNetAlias, name: str) -> Any:
    """Read ``name`` from mxcompat for the alias, and remember it in the alias.

    The remembered value is dropped whenever the name is assigned or deleted
    on either module (see :func:`_watch_target`), so it is never stale.
    """
    target = alias.__dict__["_MXNetAlias__target"]
    try:
        value = getattr(target, name)
    except AttributeError as exc:
        if name == "__all__":
            # No __all__ on the package: a star import takes its public names.
            return [k for k in vars(target) if not k.startswith("_")]
        if f"has no attribute {name!r}" in str(exc):
            raise AttributeError(f"module {_ALIAS!r} has no attribute {name!r}",
                                 name=name, obj=alias) from None
        raise
    if not _is_dunder(name):
        alias.__dict__[name] = value
    return value


def _clear_remembered(alias: MXNetAlias) -> None:
    """Drop every remembered mxcompat value (and the "loaded" mark, so that a
    later fresh ``import mxnet`` is not taken for a reload)."""
    d = alias.__dict__
    for key in [k for k in d if not _is_dunder(k) and k != "_MXNetAlias__target"]:
        del d[key]


class _AliasLoader(importlib.abc.Loader):
    """Loads ``mxnet.a.b`` by returning the already-importable ``mxcompat.a.b``."""

    def __init__(self, real_name: str) -> None:
        self.real_name = real_name
        self._saved: dict[str, Any] | None = None

    def create_module(self, spec: importlib.machinery.ModuleSpec) -> types.ModuleType:
        # Runs under the per-module import lock of spec.name (not the global
        # import lock), so importing the real module here is safe.
        module = importlib.import_module(self.real_name)
        self._saved = {k: module.__dict__.get(k, _MISSING) for k in _IMPORT_ATTRS}
        return module

    def exec_module(self, module: types.ModuleType) -> None:
        # Nothing to run: the module is already imported. Undo the import
        # system's rewrite of its __spec__ (and any other import attribute).
        saved, self._saved = self._saved, None
        if saved is not None:
            d = module.__dict__
            for key, value in saved.items():
                if value is _MISSING:
                    d.pop(key, None)
                else:
                    d[key] = value

    def __repr__(self) -> str:
        return f"<{type(self).__name__} for {self.real_name!r}>"


class _AliasPackageLoader(importlib.abc.Loader):
    """Loads the top-level ``mxnet``: the :class:`MXNetAlias` over mxcompat."""

    def create_module(self, spec: importlib.machinery.ModuleSpec) -> types.ModuleType:
        return _get_alias()

    def exec_module(self, module: types.ModuleType) -> None:
        if module.__dict__.get("_MXNetAlias__loaded"):
            # importlib.reload(mxnet) reloads the package it stands for; its
            # code rebinds names without going through setattr, so forget all.
            importlib.reload(module.__dict__["_MXNetAlias__target"])
            _clear_remembered(module)  # type: ignore[arg-type]
        module.__dict__["_MXNetAlias__loaded"] = True

    def __repr__(self) -> str:
        return f"<{type(self).__name__} for {_TARGET!r}>"


class _MXNetFinder(importlib.abc.MetaPathFinder):
    """Answers for ``mxnet`` and ``mxnet.*``; says nothing about other names."""

    def find_spec(self, fullname: str, path: Any = None,
                  target: Any = None) -> importlib.machinery.ModuleSpec | None:
        if fullname != _ALIAS and not fullname.startswith(_ALIAS + "."):
            return None
        # The import system calls this holding its global lock: look, but do
        # not import here (the loaders import, under per-module locks).
        pkg = sys.modules.get(_TARGET)
        if fullname == _ALIAS:
            spec = importlib.machinery.ModuleSpec(_ALIAS, _AliasPackageLoader(),
                                                  is_package=True)
            locations = getattr(pkg, "__path__", None)
            if locations is not None:
                spec.submodule_search_locations = list(locations)
            return spec
        real = _real_name(fullname)
        module = sys.modules.get(real)
        if module is not None:
            is_package = hasattr(module, "__path__")
        else:
            try:
                real_spec = importlib.util.find_spec(real)
            except (ImportError, ValueError):
                real_spec = None
            if real_spec is None:
                # mxcompat lacks it. Returning None lets the import system
                # raise "No module named 'mxnet...'"; the parent's __path__ is an
                # mxcompat directory, so no later finder can pick up a real MXNet.
                return None
            is_package = real_spec.submodule_search_locations is not None
        return importlib.machinery.ModuleSpec(fullname, _AliasLoader(real),
                                              is_package=is_package)

    def invalidate_caches(self) -> None:  # nothing cached here
        pass

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {_ALIAS!r} -> {_TARGET!r}>"


def _forget(name: str) -> None:
    alias = _alias
    if alias is not None and not _is_dunder(name):
        alias.__dict__.pop(name, None)


def _watch_target(target: types.ModuleType) -> None:
    """Give the mxcompat package a module class that tells the alias when one
    of its attributes is assigned or deleted, so the alias never serves a
    stale remembered value. (Rebinding a global from inside mxcompat's own
    functions with ``global x; x = ...`` bypasses this; mxcompat does not.)"""
    cls = type(target)
    if getattr(cls, "_mxnet_alias_watched", False):
        return

    class WatchedModule(cls):  # type: ignore[misc, valid-type]
        _mxnet_alias_watched = True

        def __setattr__(self, name: str, value: Any) -> None:
            super().__setattr__(name, value)
            _forget(name)

        def __delattr__(self, name: str) -> None:
            super().__delattr__(name)
            _forget(name)

    WatchedModule.__name__ = WatchedModule.__qualname__ = cls.__name__
    WatchedModule.__module__ = cls.__module__
    target.__class__ = WatchedModule


def _unwatch_target(target: types.ModuleType) -> None:
    cls = type(target)
    if cls.__dict__.get("_mxnet_alias_watched", False):
        target.__class__ = cls.__bases__[0]


def _get_alias() -> MXNetAlias:
    global _alias
    with _lock:
        target = sys.modules.get(_TARGET) or importlib.import_module(_TARGET)
        if _alias is None or _alias.__dict__["_MXNetAlias__target"] is not target:
            _alias = MXNetAlias(target)
        _watch_target(target)
        return _alias


def _is_ours(module: Any) -> bool:
    if isinstance(module, MXNetAlias):
        return True
    name = getattr(module, "__name__", None)
    return isinstance(name, str) and (name == _TARGET or name.startswith(_TARGET + "."))


def _foreign_mxnet_modules() -> list[str]:
    return sorted(k for k, m in list(sys.modules.items())
                  if (k == _ALIAS or k.startswith(_ALIAS + "."))
                  and m is not None and not _is_ours(m))


def is_installed() -> bool:
    """True while the ``mxnet`` import hook is active."""
    return _finder is not None and _finder in sys.meta_path


def install_as_mxnet() -> None:
    """Make ``import mxnet`` and every ``mxnet.*`` import resolve to mxcompat.

    Safe to call more than once. Raises ImportError if the real MXNet has
    already been imported in this process: two implementations of one API in
    one process would mix their objects.
    """
    global _finder
    with _lock:
        foreign = _foreign_mxnet_modules()
        if foreign:
            where = getattr(sys.modules[foreign[0]], "__file__", None) or "?"
            raise ImportError(
                f"{_TARGET}.install_as_mxnet(): the real MXNet is already imported "
                f"({foreign[0]!r} from {where}); install the {_TARGET} hook before "
                f"anything imports mxnet, or use one of the two only")
        if _finder is None:
            _finder = _MXNetFinder()
        if _finder not in sys.meta_path:
            sys.meta_path.insert(0, _finder)


def uninstall_as_mxnet() -> None:
    """Undo :func:`install_as_mxnet`: remove the finder and the ``mxnet`` modules
    it put in ``sys.modules`` (mxcompat itself stays imported)."""
    global _finder
    with _lock:
        if _finder is not None:
            while _finder in sys.meta_path:
                sys.meta_path.remove(_finder)
            _finder = None
        target = sys.modules.get(_TARGET)
        if target is not None:
            _unwatch_target(target)
        if _alias is not None:
            _clear_remembered(_alias)
        for name, module in list(sys.modules.items()):
            if (name == _ALIAS or name.startswith(_ALIAS + ".")) and _is_ours(module):
                del sys.modules[name]
