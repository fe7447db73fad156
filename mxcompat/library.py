"""``mx.library``: loading compiled operator libraries is not supported."""
from __future__ import annotations

__all__ = ["load"]


def load(path: str, verbose: bool = True) -> None:
    """MXNet's C++ extension libraries cannot run on JAX."""
    raise NotImplementedError("mx.library.load (C++ custom operator libraries) is not "
                              "supported by mxcompat; use mx.operator.CustomOp instead")
