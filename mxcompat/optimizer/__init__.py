"""``mx.optimizer``: MXNet 1.9's optimizers, ``Updater`` and the fused multi-parameter
update used by the Gluon Trainer."""
from __future__ import annotations

from . import rules  # noqa: F401
from .base import Optimizer, create, register
from .sgd import DCASGD, LARS, LBSGD, NAG, SGD, SGLD, Signum, ccSGD
from .adaptive import FTML, LAMB, AdaDelta, AdaGrad, Adam, Adamax, Ftrl, Nadam, RMSProp, Test
from . import contrib, optimizer  # noqa: F401  (MXNet's module names)
from .updater import Updater, get_updater
from .fused import fused_update
from ..ndarray import NDArray, abs as NDabs  # noqa: F401  (MXNet exports these names too)

__all__ = [
    "AdaDelta", "AdaGrad", "Adam", "Adamax", "DCASGD", "FTML", "Ftrl", "LARS", "LBSGD",
    "NAG", "NDabs", "Nadam", "Optimizer", "RMSProp", "SGD", "SGLD", "Signum", "LAMB",
    "Test", "Updater", "ccSGD", "create", "get_updater", "register", "contrib",
]
