"""The metric base class, the metric registry and the composite metric.

Metrics run on the host: each update copies its arrays once with ``asnumpy()`` and
computes with NumPy, as MXNet does. Running sums are kept as Python numbers (NumPy
scalars are converted when they are added), so ``get()`` returns plain Python floats.
"""
from __future__ import annotations

import json
import warnings
from collections import OrderedDict
from typing import Any, Callable

import numpy

from ..base import numeric_types, string_types
from ..ndarray.ndarray import NDArray

__all__ = ["EvalMetric", "CompositeEvalMetric", "check_label_shapes", "register", "alias",
           "create"]


def _py(value):
    """A NumPy scalar (or 0-d array) as the equivalent Python number; others unchanged."""
    if isinstance(value, numpy.generic) or (isinstance(value, numpy.ndarray) and value.ndim == 0):
        return value.item()
    return value


def check_label_shapes(labels, preds, wrap: bool = False, shape: bool = False):
    """Check that labels and predictions have the same length (or, with ``shape=True``,
    the same shape); with ``wrap=True`` a single NDArray is put into a list."""
    if shape:
        label_shape, pred_shape = labels.shape, preds.shape
    else:
        label_shape, pred_shape = len(labels), len(preds)
    if label_shape != pred_shape:
        raise ValueError("Shape of labels {} does not match shape of predictions {}"
                         .format(label_shape, pred_shape))
    if wrap:
        if isinstance(labels, NDArray):
            labels = [labels]
        if isinstance(preds, NDArray):
            preds = [preds]
    return labels, preds


class EvalMetric:
    """Base class of evaluation metrics.

    Subclasses implement ``update(labels, preds)``, adding to ``sum_metric`` and
    ``num_inst`` (and their ``global_`` counterparts, which ``reset_local`` keeps).
    """

    def __init__(self, name, output_names=None, label_names=None, **kwargs):
        self.name = str(name)
        self.output_names = output_names
        self.label_names = label_names
        self._has_global_stats = kwargs.pop("has_global_stats", False)
        self._kwargs = kwargs
        self.reset()

    def __str__(self) -> str:
        return "EvalMetric: {}".format(dict(self.get_name_value()))

    def get_config(self) -> dict:
        """The constructor arguments, with the class as ``'metric'`` (see :func:`create`)."""
        config = self._kwargs.copy()
        config.update({"metric": self.__class__.__name__, "name": self.name,
                       "output_names": self.output_names, "label_names": self.label_names})
        return config

    def update_dict(self, label: dict, pred: dict) -> None:
        """Update from dicts of named arrays, selected by ``label_names``/``output_names``."""
        if self.output_names is not None:
            pred = [pred[name] for name in self.output_names]
        else:
            pred = list(pred.values())
        if self.label_names is not None:
            label = [label[name] for name in self.label_names]
        else:
            label = list(label.values())
        self.update(label, pred)

    def update(self, labels, preds) -> None:
        """Add a batch of labels and predictions (lists of NDArrays)."""
        raise NotImplementedError()

    def reset(self) -> None:
        """Clear the local and the global statistics."""
        self.num_inst = 0
        self.sum_metric = 0.0
        self.global_num_inst = 0
        self.global_sum_metric = 0.0

    def reset_local(self) -> None:
        """Clear the local statistics only."""
        self.num_inst = 0
        self.sum_metric = 0.0

    def get(self):
        """``(name, value)`` of the local statistics; the value is nan before any update."""
        if self.num_inst == 0:
            return self.name, float("nan")
        return self.name, _py(self.sum_metric / self.num_inst)

    def get_global(self):
        """``(name, value)`` of the statistics since the last ``reset``."""
        if not self._has_global_stats:
            return self.get()
        if self.global_num_inst == 0:
            return self.name, float("nan")
        return self.name, _py(self.global_sum_metric / self.global_num_inst)

    def get_name_value(self) -> list:
        """``get()`` as a list of ``(name, value)`` pairs."""
        return _pairs(*self.get())

    def get_global_name_value(self) -> list:
        """``get_global()`` as a list of ``(name, value)`` pairs."""
        if not self._has_global_stats:
            return self.get_name_value()
        return _pairs(*self.get_global())


def _pairs(name, value) -> list:
    if not isinstance(name, list):
        name = [name]
    if not isinstance(value, list):
        value = [value]
    return list(zip(name, value))


# --------------------------------------------------------------------------- registry
_REGISTRY: dict = {}


def _shown_module(klass) -> str:
    # our classes are named as MXNet's in messages, as a legacy program expects
    mod = klass.__module__
    if mod == "mxcompat.metric" or mod.startswith("mxcompat.metric."):
        return "mxnet.metric"
    if mod == "mxcompat" or mod.startswith("mxcompat."):
        return "mxnet" + mod[len("mxcompat"):]
    return mod


def _register_as(klass, name=None):
    assert issubclass(klass, EvalMetric), \
        "Can only register subclass of %s" % EvalMetric.__name__
    name = (klass.__name__ if name is None else name).lower()
    old = _REGISTRY.get(name)
    if old is not None:
        warnings.warn(
            "\033[91mNew metric %s.%s registered with name %s isoverriding existing "
            "metric %s.%s\033[0m" % (_shown_module(klass), klass.__name__, name,
                                     _shown_module(old), old.__name__),
            UserWarning, stacklevel=3)
    _REGISTRY[name] = klass
    return klass


def register(klass, name=None):
    """Register an EvalMetric subclass under its lowercased class name (or ``name``)."""
    return _register_as(klass, name)


def alias(*aliases: str):
    """Class decorator registering an EvalMetric subclass under extra names."""
    def decorate(klass):
        for name in aliases:
            _register_as(klass, name)
        return klass
    return decorate


def _create(*args, **kwargs):
    """A metric from a registered name, a dict/JSON config, or an instance."""
    if args:
        spec, args = args[0], args[1:]
    else:
        spec = kwargs.pop("metric")
    if isinstance(spec, EvalMetric):
        assert not args and not kwargs, \
            "metric is already an instance. Additional arguments are invalid"
        return spec
    if isinstance(spec, dict):
        return _create(**spec)
    assert isinstance(spec, string_types), "metric must be of string type"
    if spec.startswith("["):
        assert not args and not kwargs
        name, params = json.loads(spec)
        return _create(name, **params)
    if spec.startswith("{"):
        assert not args and not kwargs
        return _create(**json.loads(spec))
    name = spec.lower()
    assert name in _REGISTRY, \
        "%s is not registered. Please register with metric.register first" % str(name)
    return _REGISTRY[name](*args, **kwargs)


def create(metric: Any, *args, **kwargs) -> EvalMetric:
    """A metric from a name (``'acc'``, ``'f1'``, ...), an instance, a config dict or JSON
    string, a list of those (a :class:`CompositeEvalMetric`), or a function
    ``feval(label, pred)`` (a :class:`CustomMetric`)."""
    if callable(metric):
        from .custom import CustomMetric
        return CustomMetric(metric, *args, **kwargs)
    if isinstance(metric, list):
        composite = CompositeEvalMetric()
        for child in metric:
            composite.add(create(child, *args, **kwargs))
        return composite
    return _create(metric, *args, **kwargs)


# --------------------------------------------------------------------------- composite
@register
@alias("composite")
class CompositeEvalMetric(EvalMetric):
    """Several metrics updated together; ``get()`` returns lists of names and values."""

    def __init__(self, metrics=None, name="composite", output_names=None, label_names=None):
        super().__init__(name, output_names=output_names, label_names=label_names,
                         has_global_stats=True)
        self.metrics = [create(m) for m in (metrics if metrics is not None else [])]

    def add(self, metric) -> None:
        """Append a child metric (anything :func:`create` accepts)."""
        self.metrics.append(create(metric))

    def get_metric(self, index: int):
        """The child metric at ``index`` (an out-of-range index *returns* a ValueError,
        as MXNet does)."""
        try:
            return self.metrics[index]
        except IndexError:
            return ValueError("Metric index {} is out of range 0 and {}"
                              .format(index, len(self.metrics)))

    def update_dict(self, labels: dict, preds: dict) -> None:
        if self.label_names is not None:
            labels = OrderedDict([i for i in labels.items() if i[0] in self.label_names])
        if self.output_names is not None:
            preds = OrderedDict([i for i in preds.items() if i[0] in self.output_names])
        for metric in self.metrics:
            metric.update_dict(labels, preds)

    def update(self, labels, preds) -> None:
        for metric in self.metrics:
            metric.update(labels, preds)

    def reset(self) -> None:
        for metric in getattr(self, "metrics", ()):
            metric.reset()

    def reset_local(self) -> None:
        for metric in getattr(self, "metrics", ()):
            metric.reset_local()

    def _collect(self, getter: Callable):
        names, values = [], []
        for metric in self.metrics:
            name, value = getter(metric)
            if isinstance(name, string_types):
                name = [name]
            if isinstance(value, numeric_types):
                value = [value]
            names.extend(name)
            values.extend(value)
        return names, values

    def get(self):
        return self._collect(lambda m: m.get())

    def get_global(self):
        return self._collect(lambda m: m.get_global())

    def get_config(self) -> dict:
        config = super().get_config()
        config.update({"metrics": [m.get_config() for m in self.metrics]})
        return config
