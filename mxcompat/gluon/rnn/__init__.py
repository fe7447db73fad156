"""``gluon.rnn``: fused recurrent layers and step-by-step recurrent cells."""
from .rnn_layer import GRU, LSTM, RNN
from .rnn_cell import (BidirectionalCell, DropoutCell, GRUCell, HybridRecurrentCell,
                       HybridSequentialRNNCell, LSTMCell, ModifierCell, RecurrentCell,
                       ResidualCell, RNNCell, SequentialRNNCell, ZoneoutCell)
from . import rnn_cell, rnn_layer

__all__ = ["RNN", "LSTM", "GRU", "RecurrentCell", "HybridRecurrentCell", "RNNCell", "LSTMCell",
           "GRUCell", "SequentialRNNCell", "HybridSequentialRNNCell", "DropoutCell",
           "ModifierCell", "ResidualCell", "BidirectionalCell", "ZoneoutCell"]
