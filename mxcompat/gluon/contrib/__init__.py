"""``mx.gluon.contrib``: experimental layers (``nn``), recurrent cells (``rnn``) and the
training loop helper (``estimator``). Subpackages load on first use."""
from __future__ import annotations

import importlib as _importlib

_SUBMODULES = ("nn", "rnn", "estimator")


def __getattr__(name: str):
    if name in _SUBMODULES:
        mod = _importlib.import_module(f"{__name__}.{name}")
        globals()[name] = mod
        return mod
    if name in ("cnn", "data"):
        raise NotImplementedError(f"mx.gluon.contrib.{name} is not implemented by mxcompat")
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
