"""``mx.gluon``: the imperative/hybrid neural network API."""
from __future__ import annotations

import importlib as _importlib

from .parameter import Constant, DeferredInitializationError, Parameter, ParameterDict
from .block import Block, HybridBlock, SymbolBlock
from . import nn

_SUBMODULES = ("rnn", "loss", "data", "utils", "model_zoo", "contrib", "trainer")


def __getattr__(name: str):
    if name in _SUBMODULES:
        mod = _importlib.import_module(f"{__name__}.{name}")
        globals()[name] = mod
        return mod
    if name == "Trainer":
        from .trainer import Trainer
        globals()["Trainer"] = Trainer
        return Trainer
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
