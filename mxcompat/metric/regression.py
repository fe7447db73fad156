"""Regression metrics: MAE, MSE, RMSE (each averaged over updates) and Pearson correlation."""
from __future__ import annotations

import numpy

from .base import EvalMetric, alias, check_label_shapes, register

__all__ = ["MAE", "MSE", "RMSE", "PearsonCorrelation"]


def _as_columns(label, pred):
    """Host copies of a label/prediction pair, 1-D arrays made into columns."""
    lab = label.asnumpy()
    p = pred.asnumpy()
    if lab.ndim == 1:
        lab = lab.reshape(lab.shape[0], 1)
    if p.ndim == 1:
        p = p.reshape(p.shape[0], 1)
    return lab, p


class _PerBatchError(EvalMetric):
    """A score computed per (label, pred) pair, averaged over pairs and updates."""

    def _score(self, lab: numpy.ndarray, p: numpy.ndarray) -> float:
        raise NotImplementedError

    def update(self, labels, preds) -> None:
        labels, preds = check_label_shapes(labels, preds, True)
        for label, pred in zip(labels, preds):
            value = float(self._score(*_as_columns(label, pred)))
            self.sum_metric += value
            self.global_sum_metric += value
            self.num_inst += 1
            self.global_num_inst += 1


@register
class MAE(_PerBatchError):
    """Mean absolute error."""

    def __init__(self, name="mae", output_names=None, label_names=None):
        super().__init__(name, output_names=output_names, label_names=label_names,
                         has_global_stats=True)

    def _score(self, lab, p):
        return numpy.abs(lab - p).mean()


@register
class MSE(_PerBatchError):
    """Mean squared error."""

    def __init__(self, name="mse", output_names=None, label_names=None):
        super().__init__(name, output_names=output_names, label_names=label_names,
                         has_global_stats=True)

    def _score(self, lab, p):
        return ((lab - p) ** 2.0).mean()


@register
class RMSE(_PerBatchError):
    """Root mean squared error of each batch, averaged over batches."""

    def __init__(self, name="rmse", output_names=None, label_names=None):
        super().__init__(name, output_names=output_names, label_names=label_names,
                         has_global_stats=True)

    def _score(self, lab, p):
        return numpy.sqrt(((lab - p) ** 2.0).mean())


@register
@alias("pearsonr")
class PearsonCorrelation(EvalMetric):
    """Pearson correlation of labels and predictions: 'macro' averages the per-update
    coefficients, 'micro' keeps running moments over all updates."""

    def __init__(self, name="pearsonr", output_names=None, label_names=None, average="macro"):
        self.average = average
        super().__init__(name, output_names=output_names, label_names=label_names,
                         has_global_stats=True)
        if self.average == "micro":
            self.reset_micro()

    def reset_micro(self) -> None:
        self._sse_p = 0
        self._mean_p = 0
        self._sse_l = 0
        self._mean_l = 0
        self._pred_nums = 0
        self._label_nums = 0
        self._conv = 0

    def reset(self) -> None:
        self.num_inst = 0
        self.sum_metric = 0.0
        self.global_num_inst = 0
        self.global_sum_metric = 0.0
        if self.average == "micro":
            self.reset_micro()

    def update_variance(self, new_values, *aggregate):
        """Fold ``new_values`` into ``(count, mean, sum of squared deviations)``,
        with MXNet's update formula."""
        count, mean, m_2 = aggregate
        count += len(new_values)
        delta = new_values - mean
        mean += numpy.sum(delta / count)
        m_2 += numpy.sum(delta * (new_values - mean))
        return count, mean, m_2

    def update_cov(self, label, pred) -> None:
        self._conv = self._conv + numpy.sum((label - self._mean_l) * (pred - self._mean_p))

    def update(self, labels, preds) -> None:
        labels, preds = check_label_shapes(labels, preds, True)
        for label, pred in zip(labels, preds):
            check_label_shapes(label, pred, False, True)
            lab = label.asnumpy().ravel().astype(numpy.float64)
            p = pred.asnumpy().ravel().astype(numpy.float64)
            self.num_inst += 1
            self.global_num_inst += 1
            if self.average == "macro":
                corr = float(numpy.corrcoef(p, lab)[0, 1])
                self.sum_metric += corr
                self.global_sum_metric += corr
            else:
                self._label_nums, self._mean_l, self._sse_l = self.update_variance(
                    lab, self._label_nums, self._mean_l, self._sse_l)
                self.update_cov(lab, p)
                self._pred_nums, self._mean_p, self._sse_p = self.update_variance(
                    p, self._pred_nums, self._mean_p, self._sse_p)

    def get(self):
        if self.num_inst == 0:
            return self.name, float("nan")
        if self.average == "macro":
            return self.name, self.sum_metric / self.num_inst
        n = self._label_nums
        value = self._conv / ((n - 1) * numpy.sqrt(self._sse_p / (n - 1))
                              * numpy.sqrt(self._sse_l / (n - 1)))
        return self.name, float(value)
