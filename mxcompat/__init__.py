"""mxcompat: the Apache MXNet 1.x Python API on JAX.

``import mxcompat as mx`` gives the whole API; ``mxcompat.install_as_mxnet()`` makes
``import mxnet`` resolve to it.
"""
from __future__ import annotations

__version__ = "0.1.0"

from . import _backend  # noqa: E402,F401  (configures JAX first)
from ._import_hook import mxnet_version  # noqa: E402  (the MXNet API level emulated)
from . import base  # noqa: E402
from .base import MXNetError  # noqa: E402
from . import context  # noqa: E402
from .context import (Context, cpu, cpu_pinned, current_context, gpu,  # noqa: E402
                      tpu)
from . import ops  # noqa: E402,F401
from . import ndarray  # noqa: E402
from . import ndarray as nd  # noqa: E402
from . import autograd  # noqa: E402
from . import random  # noqa: E402
from . import initializer, initializer as init  # noqa: E402

try:  # the ways in (import hook, runner, IPython extension)
    from ._import_hook import install_as_mxnet, uninstall_as_mxnet  # noqa: F401
    from ._ipython import load_ipython_extension, unload_ipython_extension  # noqa: F401
except ImportError:  # pragma: no cover - while the modules are being written
    pass

# The rest of the API loads on first use (``mx.gluon``, ``mx.optimizer``, ...).
_LAZY = ("optimizer", "lr_scheduler", "metric", "io", "gluon", "image", "symbol", "sym",
         "module", "mod", "model", "callback", "kvstore", "kv", "test_utils", "name",
         "attribute", "recordio", "visualization", "viz", "util", "profiler", "engine",
         "executor", "operator", "runtime", "library", "monitor", "mon")
_LAZY_ALIAS = {"sym": "symbol", "mod": "module", "kv": "kvstore", "viz": "visualization",
               "mon": "monitor"}
_UTIL_NAMES = ("is_np_array", "is_np_shape", "set_np_shape", "np_shape", "np_array", "use_np",
               "use_np_array", "use_np_shape")


def __getattr__(name: str):
    if name in _UTIL_NAMES:
        from . import util
        return getattr(util, name)
    if name == "AttrScope":
        from .attribute import AttrScope
        return AttrScope
    if name in _LAZY:
        import importlib
        try:
            mod = importlib.import_module(f"{__name__}.{_LAZY_ALIAS.get(name, name)}")
        except ModuleNotFoundError as exc:
            if exc.name != f"{__name__}.{_LAZY_ALIAS.get(name, name)}":
                raise
            raise AttributeError(f"mxcompat does not provide mx.{name} yet") from None
        globals()[name] = mod
        return mod
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
