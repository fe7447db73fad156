"""Loss averaging (Loss, Torch, Caffe) and user-defined metrics (CustomMetric, np)."""
from __future__ import annotations

from typing import Callable

import numpy

from ..ndarray.ndarray import NDArray
from .base import EvalMetric, _py, check_label_shapes, register

__all__ = ["Loss", "Torch", "Caffe", "CustomMetric", "np"]


@register
class Loss(EvalMetric):
    """Mean of the elements of the predictions (which are losses); labels are ignored."""

    def __init__(self, name="loss", output_names=None, label_names=None):
        super().__init__(name, output_names=output_names, label_names=label_names,
                         has_global_stats=True)

    def update(self, _, preds) -> None:
        if isinstance(preds, NDArray):
            preds = [preds]
        for pred in preds:
            host = pred.asnumpy()
            loss = float(numpy.sum(host, dtype=host.dtype if host.dtype.kind == "f"
                                   else None))
            self.sum_metric += loss
            self.global_sum_metric += loss
            self.num_inst += pred.size
            self.global_num_inst += pred.size


@register
class Torch(Loss):
    """Legacy name of :class:`Loss` (for torch criterion outputs)."""

    def __init__(self, name="torch", output_names=None, label_names=None):
        super().__init__(name, output_names=output_names, label_names=label_names)


@register
class Caffe(Loss):
    """Legacy name of :class:`Loss` (for caffe loss outputs)."""

    def __init__(self, name="caffe", output_names=None, label_names=None):
        super().__init__(name, output_names=output_names, label_names=label_names)


@register
class CustomMetric(EvalMetric):
    """A metric from ``feval(label, pred)`` on NumPy arrays, returning a value (one
    instance) or a ``(sum, count)`` pair."""

    def __init__(self, feval: Callable, name=None, allow_extra_outputs: bool = False,
                 output_names=None, label_names=None):
        if name is None:
            name = feval.__name__
            if name.find("<") != -1:
                name = "custom(%s)" % name
        super().__init__(name, feval=feval, allow_extra_outputs=allow_extra_outputs,
                         output_names=output_names, label_names=label_names,
                         has_global_stats=True)
        self._feval = feval
        self._allow_extra_outputs = allow_extra_outputs

    def update(self, labels, preds) -> None:
        if not self._allow_extra_outputs:
            labels, preds = check_label_shapes(labels, preds, True)
        for pred, label in zip(preds, labels):
            reval = self._feval(label.asnumpy(), pred.asnumpy())
            if isinstance(reval, tuple):
                total, count = reval
                total, count = _py(total), _py(count)
            else:
                total, count = _py(reval), 1
            self.sum_metric += total
            self.global_sum_metric += total
            self.num_inst += count
            self.global_num_inst += count

    def get_config(self):
        raise NotImplementedError("CustomMetric cannot be serialized")


def np(numpy_feval: Callable, name=None, allow_extra_outputs: bool = False) -> CustomMetric:
    """A :class:`CustomMetric` from a function of NumPy ``(label, pred)`` arrays."""
    def feval(label, pred):
        return numpy_feval(label, pred)
    feval.__name__ = numpy_feval.__name__
    return CustomMetric(feval, name, allow_extra_outputs)
