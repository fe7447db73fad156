"""``mx.executor``: where MXNet kept the Executor class (built by ``Symbol.bind``)."""
from .ndarray import NDArray  # noqa: F401
from .symbol.executor import Executor  # noqa: F401

__all__ = ["Executor"]
