"""``gluon.nn``: neural network layers."""
from .basic_layers import *  # noqa: F401,F403
from .conv_layers import *  # noqa: F401,F403
from .norm_layers import *  # noqa: F401,F403
from .embedding import *  # noqa: F401,F403
from .activations import *  # noqa: F401,F403
from ..block import *  # noqa: F401,F403  (MXNet exports them here too)
