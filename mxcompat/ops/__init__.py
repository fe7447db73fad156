"""The operator registry and every operator definition (imported for registration)."""
from . import registry
from . import elemwise, reduce, shape, init  # noqa: F401  (register operators)
from .registry import REGISTRY, Op, all_ops, get, register

__all__ = ["REGISTRY", "Op", "all_ops", "get", "register", "registry"]
