"""Helpers shared by the model-zoo networks."""
from __future__ import annotations

import os

from ....context import cpu
from ..model_store import data_dir

DEFAULT_ROOT = os.path.join(data_dir(), "models")


def load_pretrained(net, file_key: str, pretrained: bool, ctx, root: str):
    """Load the published parameters ``file_key`` into ``net`` when ``pretrained``."""
    if pretrained:
        from ..model_store import get_model_file
        net.load_parameters(get_model_file(file_key, root=root), ctx=ctx)
    return net


__all__ = ["DEFAULT_ROOT", "load_pretrained", "cpu"]


def _concurrent_classes():
    from ... import nn
    from ...block import HybridBlock

    class HybridConcurrent(nn.HybridSequential):
        """Runs every child on the same input and concatenates the outputs on ``axis``
        (``gluon.contrib.nn.HybridConcurrent``)."""

        def __init__(self, axis=-1, prefix=None, params=None):
            super().__init__(prefix=prefix, params=params)
            self.axis = axis

        def hybrid_forward(self, F, x):
            return F.concat(*[block(x) for block in self._children.values()], dim=self.axis)

    class Identity(HybridBlock):
        """Returns its input (``gluon.contrib.nn.Identity``)."""

        def __init__(self, prefix=None, params=None):
            super().__init__(prefix=prefix, params=params)

        def hybrid_forward(self, F, x):
            return x

    HybridConcurrent.__module__ = Identity.__module__ = "mxcompat.gluon.contrib.nn"
    return HybridConcurrent, Identity


HybridConcurrent, Identity = _concurrent_classes()
__all__ += ["HybridConcurrent", "Identity"]
