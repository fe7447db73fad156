"""Metrics on predicted class probabilities: cross-entropy, negative log-likelihood and
perplexity."""
from __future__ import annotations

import math

import numpy

from .base import EvalMetric, alias, check_label_shapes, register

__all__ = ["CrossEntropy", "NegativeLogLikelihood", "Perplexity"]


class _LabelLogLoss(EvalMetric):
    """Sum of ``-log(p[label] + eps)`` over samples, divided by the sample count."""

    def __init__(self, eps, name, output_names, label_names):
        super().__init__(name, eps=eps, output_names=output_names, label_names=label_names,
                         has_global_stats=True)
        self.eps = eps

    def _check_rows(self, label: numpy.ndarray, pred: numpy.ndarray) -> int:
        """Assert the row counts agree; return the number of samples."""
        raise NotImplementedError

    def update(self, labels, preds) -> None:
        labels, preds = check_label_shapes(labels, preds, True)
        for label, pred in zip(labels, preds):
            lab = label.asnumpy().ravel()
            p = pred.asnumpy()
            n = self._check_rows(lab, p)
            prob = p[numpy.arange(n, dtype=numpy.int64), numpy.int64(lab)]
            loss = float((-numpy.log(prob + self.eps)).sum())
            self.sum_metric += loss
            self.global_sum_metric += loss
            self.num_inst += n
            self.global_num_inst += n


@register
@alias("ce")
class CrossEntropy(_LabelLogLoss):
    """Cross-entropy of the predicted probabilities at the labels."""

    def __init__(self, eps=1e-12, name="cross-entropy", output_names=None, label_names=None):
        super().__init__(eps, name, output_names, label_names)

    def _check_rows(self, label, pred):
        assert label.shape[0] == pred.shape[0]
        return label.shape[0]


@register
@alias("nll_loss")
class NegativeLogLikelihood(_LabelLogLoss):
    """Negative log-likelihood of the labels under the predicted probabilities."""

    def __init__(self, eps=1e-12, name="nll-loss", output_names=None, label_names=None):
        super().__init__(eps, name, output_names, label_names)

    def _check_rows(self, label, pred):
        assert label.shape[0] == pred.shape[0], (label.shape[0], pred.shape[0])
        return pred.shape[0]


def _pick(pred, label, host_pred: numpy.ndarray, host_label: numpy.ndarray, axis: int):
    """``nd.pick(pred, label, axis)`` (clip mode) on the host for the usual shapes."""
    ndim = host_pred.ndim
    if ndim >= 1 and -ndim <= axis < ndim:
        moved = numpy.moveaxis(host_pred, axis, -1)
        if moved.shape[:-1] == host_label.shape:
            idx = numpy.clip(host_label.astype(numpy.int32), 0, moved.shape[-1] - 1)
            return numpy.take_along_axis(moved, idx[..., None].astype(numpy.intp), -1)[..., 0]
    # unusual shapes: MXNet's operator decides (and raises its error)
    from .. import ndarray as nd
    return nd.pick(pred, label.reshape((label.size,)).astype("int32"), axis=axis).asnumpy()


@register
class Perplexity(EvalMetric):
    """Perplexity: ``exp`` of the mean negative log-probability of the labels, skipping
    labels equal to ``ignore_label``."""

    def __init__(self, ignore_label, axis=-1, name="perplexity", output_names=None,
                 label_names=None):
        super().__init__(name, ignore_label=ignore_label, output_names=output_names,
                         label_names=label_names, has_global_stats=True)
        self.ignore_label = ignore_label
        self.axis = axis

    def update(self, labels, preds) -> None:
        assert len(labels) == len(preds)
        loss = 0.0
        num = 0
        for label, pred in zip(labels, preds):
            assert label.size == pred.size / pred.shape[-1], \
                "shape mismatch: %s vs. %s" % (label.shape, pred.shape)
            lab = label.asnumpy().reshape(-1)
            p = pred.asnumpy()
            picked = _pick(pred, label, p, lab, self.axis)
            if self.ignore_label is not None:
                ignore = (lab == self.ignore_label).astype(picked.dtype)
                num -= float(ignore.sum())
                picked = picked * (1 - ignore) + ignore
            loss -= float(numpy.log(numpy.maximum(picked.dtype.type(1e-10), picked))
                          .sum(dtype=numpy.float64))
            num += picked.size
        self.sum_metric += loss
        self.global_sum_metric += loss
        self.num_inst += num
        self.global_num_inst += num

    def get(self):
        if self.num_inst == 0:
            return self.name, float("nan")
        return self.name, math.exp(self.sum_metric / self.num_inst)

    def get_global(self):
        if self.global_num_inst == 0:
            return self.name, float("nan")
        return self.name, math.exp(self.global_sum_metric / self.global_num_inst)
