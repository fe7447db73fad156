"""``mx.metric``: evaluation metrics, MXNet 1.x API.

Metrics are host-side: each update copies its arrays once to NumPy and computes there.
"""
from __future__ import annotations

import math  # noqa: F401  (MXNet's module namespace has these)
from collections import OrderedDict  # noqa: F401

import numpy  # noqa: F401

from .. import ndarray  # noqa: F401
from ..base import numeric_types, string_types  # noqa: F401
from .base import (EvalMetric, CompositeEvalMetric, check_label_shapes, register, alias,
                   create, _create)
from .classification import (Accuracy, TopKAccuracy, F1, MCC, PCC,
                             _BinaryClassificationMetrics)
from .regression import MAE, MSE, RMSE, PearsonCorrelation
from .probability import CrossEntropy, NegativeLogLikelihood, Perplexity
from .custom import Loss, Torch, Caffe, CustomMetric, np

__all__ = ["EvalMetric", "CompositeEvalMetric", "check_label_shapes", "register", "alias",
           "create", "Accuracy", "TopKAccuracy", "F1", "MCC", "PCC", "MAE", "MSE", "RMSE",
           "PearsonCorrelation", "CrossEntropy", "NegativeLogLikelihood", "Perplexity",
           "Loss", "Torch", "Caffe", "CustomMetric", "np"]
