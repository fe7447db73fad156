"""``mx.optimizer.optimizer``: MXNet's module path for the optimizer classes."""
from __future__ import annotations

from .base import Optimizer, create, register  # noqa: F401
from .sgd import DCASGD, LARS, LBSGD, NAG, SGD, SGLD, Signum, ccSGD  # noqa: F401
from .adaptive import (FTML, LAMB, AdaDelta, AdaGrad, Adam, Adamax, Ftrl,  # noqa: F401
                       Nadam, RMSProp, Test)
from .updater import Updater, get_updater  # noqa: F401
from ..ndarray import NDArray, abs as NDabs  # noqa: F401

__all__ = [
    "AdaDelta", "AdaGrad", "Adam", "Adamax", "DCASGD", "FTML", "Ftrl", "LARS", "LBSGD",
    "NAG", "NDabs", "Nadam", "Optimizer", "RMSProp", "SGD", "SGLD", "Signum", "LAMB",
    "Test", "Updater", "ccSGD", "create", "get_updater", "register",
]
