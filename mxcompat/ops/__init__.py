"""The operator registry and every operator definition (imported for registration)."""
from . import registry
from . import elemwise, reduce, shape, init, random  # noqa: F401  (register operators)
from . import indexing, sorting, matrix, linalg, nn  # noqa: F401
from . import optimizer_ops  # noqa: F401
from . import rnn  # noqa: F401
from . import contrib, contrib_vision  # noqa: F401
from . import image as _image
_image._register_all()
from .registry import REGISTRY, Op, all_ops, get, register

__all__ = ["REGISTRY", "Op", "all_ops", "get", "register", "registry"]
