"""``gluon.model_zoo.vision``: image classification networks with MXNet's structure and
parameter names (``get_model(name, **kwargs)``)."""
from __future__ import annotations

from .resnet import *  # noqa: F401,F403
from . import resnet as _resnet

_MODULES = [_resnet]
_MODELS = {}


def _add(names: dict) -> None:
    _MODELS.update(names)


_add({"resnet%d_v%d" % (d, v): getattr(_resnet, "resnet%d_v%d" % (d, v))
      for d in (18, 34, 50, 101, 152) for v in (1, 2)})

for _name in ("alexnet", "vgg", "squeezenet", "mobilenet", "densenet", "inception"):
    try:
        _mod = __import__("%s.%s" % (__name__, _name), fromlist=["_MODELS"])
    except ModuleNotFoundError as _exc:  # a family not written yet
        if _exc.name != "%s.%s" % (__name__, _name):
            raise
        continue
    globals().update({k: getattr(_mod, k) for k in _mod.__all__})
    _add(_mod.MODELS)


def get_model(name: str, **kwargs):
    """The model called ``name`` (``'resnet18_v1'``, ``'vgg16_bn'``, ``'mobilenet0.5'``...),
    built with ``kwargs`` (``classes``, ``pretrained``, ``ctx``, ``root``, ``prefix``...)."""
    name = name.lower()
    if name not in _MODELS:
        raise ValueError("Model %s is not supported. Available options are\n\t%s"
                         % (name, "\n\t".join(sorted(_MODELS.keys()))))
    return _MODELS[name](**kwargs)
