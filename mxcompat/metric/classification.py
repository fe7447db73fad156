"""Classification metrics: Accuracy, TopKAccuracy, F1, MCC and PCC."""
from __future__ import annotations

import math

import numpy

from .base import EvalMetric, _py, alias, check_label_shapes, register

__all__ = ["Accuracy", "TopKAccuracy", "F1", "MCC", "PCC"]


def _argmax(pred, host: numpy.ndarray, axis: int) -> numpy.ndarray:
    """Class indices along ``axis``; an axis the array lacks fails as MXNet's argmax does."""
    if not -host.ndim <= axis < host.ndim:
        from .. import ndarray as nd
        nd.argmax(pred, axis=axis)  # raises MXNet's error
    return numpy.argmax(host, axis=axis)


@register
@alias("acc")
class Accuracy(EvalMetric):
    """Fraction of predictions equal to the labels; predictions with a class axis
    (shape differing from the label's) are reduced with argmax over ``axis``."""

    def __init__(self, axis=1, name="accuracy", output_names=None, label_names=None):
        super().__init__(name, axis=axis, output_names=output_names, label_names=label_names,
                         has_global_stats=True)
        self.axis = axis

    def update(self, labels, preds) -> None:
        labels, preds = check_label_shapes(labels, preds, True)
        for label, pred in zip(labels, preds):
            p = pred.asnumpy()
            lab = label.asnumpy()
            if p.shape != lab.shape:
                p = _argmax(pred, p, self.axis)
            p = p.astype("int32").ravel()
            lab = lab.astype("int32").ravel()
            check_label_shapes(lab, p)
            correct = int((p == lab).sum())
            self.sum_metric += correct
            self.global_sum_metric += correct
            self.num_inst += len(p)
            self.global_num_inst += len(p)


@register
@alias("top_k_accuracy", "top_k_acc")
class TopKAccuracy(EvalMetric):
    """Fraction of samples whose label is among the ``top_k`` highest predictions."""

    def __init__(self, top_k=1, name="top_k_accuracy", output_names=None, label_names=None):
        super().__init__(name, top_k=top_k, output_names=output_names, label_names=label_names,
                         has_global_stats=True)
        self.top_k = top_k
        assert self.top_k > 1, "Please use Accuracy if top_k is no more than 1"
        self.name += "_%d" % self.top_k

    def update(self, labels, preds) -> None:
        labels, preds = check_label_shapes(labels, preds, True)
        for label, pred in zip(labels, preds):
            assert len(pred.shape) <= 2, "Predictions should be no more than 2 dims"
            order = numpy.argpartition(pred.asnumpy().astype("float32"), -self.top_k)
            lab = label.asnumpy().astype("int32")
            check_label_shapes(lab, order)
            num_samples = order.shape[0]
            if order.ndim == 1:
                # MXNet adds this case to the local sum only
                self.sum_metric += int((order.ravel() == lab.ravel()).sum())
            elif order.ndim == 2:
                num_classes = order.shape[1]
                top = order[:, num_classes - min(num_classes, self.top_k):]
                correct = int((top == lab.reshape(-1, 1)).sum()) if top.shape[0] == lab.size \
                    else sum(int((top[:, j].ravel() == lab.ravel()).sum())
                             for j in range(top.shape[1]))
                self.sum_metric += correct
                self.global_sum_metric += correct
            self.num_inst += num_samples
            self.global_num_inst += num_samples


class _BinaryClassificationMetrics:
    """Confusion counts of a binary classifier, local and global."""

    def __init__(self):
        self.reset_stats()

    def update_binary_stats(self, label, pred) -> None:
        p = pred.asnumpy()
        lab = label.asnumpy().astype("int32")
        pred_label = numpy.argmax(p, axis=1)
        check_label_shapes(lab, p)
        if len(numpy.unique(lab)) > 2:
            raise ValueError("%s currently only supports binary classification."
                             % self.__class__.__name__)
        pred_true = pred_label == 1
        label_true = lab == 1
        tp = int(numpy.sum(pred_true & label_true))
        fp = int(numpy.sum(pred_true & ~label_true))
        fn = int(numpy.sum(~pred_true & label_true))
        tn = int(numpy.sum(~pred_true & ~label_true))
        self.true_positives += tp
        self.global_true_positives += tp
        self.false_positives += fp
        self.global_false_positives += fp
        self.false_negatives += fn
        self.global_false_negatives += fn
        self.true_negatives += tn
        self.global_true_negatives += tn

    @staticmethod
    def _ratio(num, other) -> float:
        return float(num) / (num + other) if num + other > 0 else 0.0

    @staticmethod
    def _f(precision, recall) -> float:
        if precision + recall > 0:
            return 2 * precision * recall / (precision + recall)
        return 0.0

    @property
    def precision(self) -> float:
        return self._ratio(self.true_positives, self.false_positives)

    @property
    def global_precision(self) -> float:
        return self._ratio(self.global_true_positives, self.global_false_positives)

    @property
    def recall(self) -> float:
        return self._ratio(self.true_positives, self.false_negatives)

    @property
    def global_recall(self) -> float:
        return self._ratio(self.global_true_positives, self.global_false_negatives)

    @property
    def fscore(self) -> float:
        return self._f(self.precision, self.recall)

    @property
    def global_fscore(self) -> float:
        return self._f(self.global_precision, self.global_recall)

    def matthewscc(self, use_global: bool = False) -> float:
        """Matthews correlation coefficient (zero factors of the denominator skipped)."""
        pre = "global_" if use_global else ""
        if not (self.global_total_examples if use_global else self.total_examples):
            return 0.0
        tp = float(getattr(self, pre + "true_positives"))
        fp = float(getattr(self, pre + "false_positives"))
        fn = float(getattr(self, pre + "false_negatives"))
        tn = float(getattr(self, pre + "true_negatives"))
        denom = 1.0
        for t in (tp + fp, tp + fn, tn + fp, tn + fn):
            if t != 0.0:
                denom *= t
        return (tp * tn - fp * fn) / math.sqrt(denom)

    @property
    def total_examples(self) -> int:
        return (self.false_negatives + self.false_positives + self.true_negatives
                + self.true_positives)

    @property
    def global_total_examples(self) -> int:
        return (self.global_false_negatives + self.global_false_positives
                + self.global_true_negatives + self.global_true_positives)

    def local_reset_stats(self) -> None:
        self.false_positives = 0
        self.false_negatives = 0
        self.true_positives = 0
        self.true_negatives = 0

    def reset_stats(self) -> None:
        self.local_reset_stats()
        self.global_false_positives = 0
        self.global_false_negatives = 0
        self.global_true_positives = 0
        self.global_true_negatives = 0


class _BinaryMetric(EvalMetric):
    """Shared update of F1 and MCC: 'macro' averages the per-update scores, 'micro'
    scores the counts accumulated since the last reset."""

    def _score(self, use_global: bool) -> float:
        raise NotImplementedError

    def _accumulate(self, labels, preds, average: str) -> None:
        stats = self._stats
        labels, preds = check_label_shapes(labels, preds, True)
        for label, pred in zip(labels, preds):
            stats.update_binary_stats(label, pred)
        if average == "macro":
            self.sum_metric += self._score(False)
            self.global_sum_metric += self._score(True)
            self.num_inst += 1
            self.global_num_inst += 1
            stats.reset_stats()
        else:
            self.sum_metric = self._score(False) * stats.total_examples
            self.global_sum_metric = self._score(True) * stats.global_total_examples
            self.num_inst = stats.total_examples
            self.global_num_inst = stats.global_total_examples


@register
class F1(_BinaryMetric):
    """F1 score of a binary classifier (predictions: per-class scores, shape (N, 2))."""

    def __init__(self, name="f1", output_names=None, label_names=None, average="macro"):
        self.average = average
        self.metrics = _BinaryClassificationMetrics()
        EvalMetric.__init__(self, name=name, output_names=output_names,
                            label_names=label_names, has_global_stats=True)

    @property
    def _stats(self):
        return self.metrics

    def _score(self, use_global: bool) -> float:
        return self.metrics.global_fscore if use_global else self.metrics.fscore

    def update(self, labels, preds) -> None:
        self._accumulate(labels, preds, self.average)

    def reset(self) -> None:
        self.sum_metric = 0.0
        self.num_inst = 0
        self.global_num_inst = 0
        self.global_sum_metric = 0.0
        self.metrics.reset_stats()

    def reset_local(self) -> None:
        self.sum_metric = 0.0
        self.num_inst = 0
        self.metrics.local_reset_stats()


@register
class MCC(_BinaryMetric):
    """Matthews correlation coefficient of a binary classifier."""

    def __init__(self, name="mcc", output_names=None, label_names=None, average="macro"):
        self._average = average
        self._metrics = _BinaryClassificationMetrics()
        EvalMetric.__init__(self, name=name, output_names=output_names,
                            label_names=label_names, has_global_stats=True)

    @property
    def _stats(self):
        return self._metrics

    def _score(self, use_global: bool) -> float:
        return self._metrics.matthewscc(use_global=use_global)

    def update(self, labels, preds) -> None:
        self._accumulate(labels, preds, self._average)

    def reset(self) -> None:
        self.sum_metric = 0.0
        self.num_inst = 0.0
        self.global_sum_metric = 0.0
        self.global_num_inst = 0.0
        self._metrics.reset_stats()

    def reset_local(self) -> None:
        self.sum_metric = 0.0
        self.num_inst = 0.0
        self._metrics.local_reset_stats()


@register
class PCC(EvalMetric):
    """Multiclass Matthews correlation (Pearson correlation of the confusion matrix)."""

    def __init__(self, name="pcc", output_names=None, label_names=None, has_global_stats=True):
        self.k = 2
        super().__init__(name=name, output_names=output_names, label_names=label_names,
                         has_global_stats=has_global_stats)

    def _grow(self, inc: int) -> None:
        self.lcm = numpy.pad(self.lcm, ((0, inc), (0, inc)), "constant", constant_values=0)
        self.gcm = numpy.pad(self.gcm, ((0, inc), (0, inc)), "constant", constant_values=0)
        self.k += inc

    @staticmethod
    def _calc_mcc(cmat: numpy.ndarray) -> float:
        n = cmat.sum()
        x = cmat.sum(axis=1)
        y = cmat.sum(axis=0)
        cov_xx = numpy.sum(x * (n - x))
        cov_yy = numpy.sum(y * (n - y))
        if cov_xx == 0 or cov_yy == 0:
            return float("nan")
        cov_xy = numpy.sum(cmat.diagonal() * n - x * y)
        return float(cov_xy / (cov_xx * cov_yy) ** 0.5)

    def update(self, labels, preds) -> None:
        labels, preds = check_label_shapes(labels, preds, True)
        for label, pred in zip(labels, preds):
            lab = label.astype("int32", copy=False).asnumpy()
            p = pred.asnumpy()
            if p.shape != lab.shape:
                p = p.argmax(axis=1)
            else:
                p = p.astype("int32", copy=False)
            n = _py(max(p.max(), lab.max()))
            if n >= self.k:
                self._grow(n + 1 - self.k)
            bcm = numpy.zeros((self.k, self.k))
            if p.ndim == 1 and lab.ndim == 1:
                numpy.add.at(bcm, (p, lab), 1)
            else:  # MXNet's row-wise fancy-index update
                for i, j in zip(p, lab):
                    bcm[i, j] += 1
            self.lcm += bcm
            self.gcm += bcm
        self.num_inst += 1
        self.global_num_inst += 1

    @property
    def sum_metric(self):
        return self._calc_mcc(self.lcm) * self.num_inst

    @property
    def global_sum_metric(self):
        return self._calc_mcc(self.gcm) * self.global_num_inst

    def reset(self) -> None:
        self.global_num_inst = 0.0
        self.gcm = numpy.zeros((self.k, self.k))
        self.reset_local()

    def reset_local(self) -> None:
        self.num_inst = 0.0
        self.lcm = numpy.zeros((self.k, self.k))
