"""``mx.image``: image decoding (Pillow) and the HWC image helpers."""
from . import image  # noqa: F401
from .image import *  # noqa: F401,F403
from ..ops.image import install as _install

_install()   # mx.nd.image.* operators
