"""``mx.gluon.contrib.rnn``: VariationalDropoutCell, LSTMPCell and the convolutional
RNN/LSTM/GRU cells (1D, 2D, 3D)."""
from . import conv_rnn_cell, rnn_cell
from .conv_rnn_cell import *  # noqa: F401,F403
from .rnn_cell import *  # noqa: F401,F403

__all__ = rnn_cell.__all__ + conv_rnn_cell.__all__
