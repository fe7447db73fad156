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


from ...contrib.nn import HybridConcurrent, Identity  # noqa: E402

__all__ += ["HybridConcurrent", "Identity"]
