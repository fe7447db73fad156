"""``gluon.model_zoo``: the predefined vision models (``vision``) and the local store of
pretrained parameter files (``model_store``; never downloads)."""
from . import model_store
from . import vision

__all__ = ["model_store", "vision"]
