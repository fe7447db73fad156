"""mx.metric beyond the golden snippets: values against straightforward NumPy
formulas, Python-float results, the registry, configs and composites."""
from __future__ import annotations

import math
import warnings

import numpy as np
import pytest

import mxcompat as mx

nd = mx.nd


def _batches():
    """Three deterministic batches: (labels, class probabilities)."""
    out = []
    for b in range(3):
        logits = np.sin(np.arange(24, dtype=np.float64) * 0.7 + b).reshape(8, 3) * 2
        prob = np.exp(logits) / np.exp(logits).sum(axis=1, keepdims=True)
        label = (np.arange(8) * 5 + b) % 3
        out.append((label, prob.astype(np.float32)))
    return out


def _update_all(metric, batches):
    for label, prob in batches:
        metric.update([nd.array(label)], [nd.array(prob)])


def test_accuracy_and_topk_match_numpy():
    batches = _batches()
    acc, top2 = mx.metric.Accuracy(), mx.metric.TopKAccuracy(top_k=2)
    _update_all(acc, batches)
    _update_all(top2, batches)
    labels = np.concatenate([b[0] for b in batches])
    probs = np.concatenate([b[1] for b in batches])
    assert acc.get()[1] == pytest.approx(np.mean(probs.argmax(1) == labels))
    ranks = (probs > probs[np.arange(len(labels)), labels][:, None]).sum(1)
    assert top2.get()[1] == pytest.approx(np.mean(ranks < 2))
    assert acc.num_inst == len(labels)


def test_probability_metrics_match_numpy():
    batches = _batches()
    labels = np.concatenate([b[0] for b in batches])
    probs = np.concatenate([b[1] for b in batches]).astype(np.float64)
    picked = probs[np.arange(len(labels)), labels]
    for name in ("ce", "nll_loss"):
        m = mx.metric.create(name)
        _update_all(m, batches)
        assert m.get()[1] == pytest.approx(-np.mean(np.log(picked)), rel=1e-5)
    p = mx.metric.Perplexity(ignore_label=1)
    _update_all(p, batches)
    keep = labels != 1
    assert p.get()[1] == pytest.approx(math.exp(-np.mean(np.log(picked[keep]))), rel=1e-5)
    assert p.num_inst == keep.sum()


def test_regression_metrics_average_per_batch():
    pairs = [(np.array([1.0, 2.0, 3.0]), np.array([1.5, 2.0, 1.0])),
             (np.array([0.0, 4.0]), np.array([1.0, 1.0]))]
    expect = {
        "mae": np.mean([np.abs(a - b).mean() for a, b in pairs]),
        "mse": np.mean([((a - b) ** 2).mean() for a, b in pairs]),
        "rmse": np.mean([np.sqrt(((a - b) ** 2).mean()) for a, b in pairs]),
    }
    for name, value in expect.items():
        m = mx.metric.create(name)
        for a, b in pairs:
            m.update([nd.array(a)], [nd.array(b)])
        assert m.get()[1] == pytest.approx(value, rel=1e-6)


def test_f1_macro_averages_updates_micro_pools_counts():
    l1, p1 = np.array([1, 1, 0, 0]), np.array([[0.2, 0.8], [0.6, 0.4], [0.3, 0.7], [0.9, 0.1]])
    l2, p2 = np.array([1, 0]), np.array([[0.1, 0.9], [0.2, 0.8]])

    def f1(tp, fp, fn):
        prec, rec = tp / (tp + fp), tp / (tp + fn)
        return 2 * prec * rec / (prec + rec)

    macro, micro = mx.metric.F1(), mx.metric.F1(average="micro")
    for m in (macro, micro):
        m.update([nd.array(l1)], [nd.array(p1)])
        m.update([nd.array(l2)], [nd.array(p2)])
    # batch 1: tp=1 fp=1 fn=1; batch 2: tp=1 fp=1 fn=0
    assert macro.get()[1] == pytest.approx((f1(1, 1, 1) + f1(1, 1, 0)) / 2)
    assert micro.get()[1] == pytest.approx(f1(2, 2, 1))


def test_pearson_micro_equals_pooled_correlation():
    a = np.array([1.0, 2.0, 3.0, 5.0, 0.0, 1.0, 4.0])
    b = np.array([1.5, 1.9, 3.5, 4.0, 0.5, 0.2, 3.0])
    m = mx.metric.PearsonCorrelation(average="micro")
    m.update([nd.array(a[:4])], [nd.array(b[:4])])
    m.update([nd.array(a[4:])], [nd.array(b[4:])])
    # MXNet's running-moment update is approximate; it stays close to the pooled value
    assert m.get()[1] == pytest.approx(np.corrcoef(a, b)[0, 1], abs=0.05)


def test_results_are_python_floats():
    acc = mx.metric.Accuracy()
    acc.update([nd.array([0, 1])], [nd.array([[0.9, 0.1], [0.2, 0.8]])])
    mae = mx.metric.MAE()
    mae.update([nd.array([0.0, 1.0])], [nd.array([0.5, 1.0])])
    for m in (acc, mae):
        assert type(m.get()[1]) is float
        assert type(m.sum_metric) in (int, float)
    assert repr(acc.get()) == "('accuracy', 1.0)"
    assert math.isnan(mx.metric.F1().get()[1])


def test_config_round_trip():
    for m in (mx.metric.Accuracy(axis=0, name="a"),
              mx.metric.CrossEntropy(eps=1e-5), mx.metric.Perplexity(ignore_label=0),
              mx.metric.MAE(output_names=["o"], label_names=["l"])):
        again = mx.metric.create(m.get_config())
        assert type(again) is type(m)
        assert again.get_config() == m.get_config()
    # as in MXNet, TopKAccuracy appends "_<k>" to a name that already has it
    top = mx.metric.create(mx.metric.TopKAccuracy(top_k=3).get_config())
    assert top.name == "top_k_accuracy_3_3"


def test_register_override_warns_and_custom_class_is_creatable():
    class Halves(mx.metric.EvalMetric):
        def __init__(self):
            super().__init__("halves")

        def update(self, labels, preds):
            self.sum_metric += 0.5
            self.num_inst += 1

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        mx.metric.register(Halves)
        mx.metric.register(Halves)
    assert any("isoverriding existing metric" in str(w.message) for w in caught)
    m = mx.metric.create("halves")
    m.update(None, None)
    assert m.get() == ("halves", 0.5)
    with pytest.raises(AssertionError, match="Can only register subclass"):
        mx.metric.register(int)


def test_composite_nested_lists_and_reset():
    c = mx.metric.create(["acc", ["mae", "mse"]])
    assert [type(m).__name__ for m in c.metrics] == ["Accuracy", "CompositeEvalMetric"]
    c.update([nd.array([1.0, 0.0])], [nd.array([1.0, 1.0])])
    names, values = c.get()
    assert names == ["accuracy", "mae", "mse"]
    assert values == pytest.approx([0.5, 0.5, 0.5])
    c.reset()
    assert all(math.isnan(v) for v in c.get()[1])


def test_numpy_inputs_fail_like_mxnet():
    # MXNet's metrics call .asnumpy() on their inputs: NumPy arrays are rejected
    with pytest.raises(AttributeError):
        mx.metric.MAE().update([np.ones(2)], [np.ones(2)])


def test_loss_and_custom_accept_many_outputs():
    loss = mx.metric.Loss()
    loss.update(None, [nd.ones((2, 3)), nd.zeros(4)])
    assert loss.get() == ("loss", 0.6)
    seen = []
    m = mx.metric.np(lambda label, pred: seen.append((label.shape, pred.shape)) or 1.0)
    m.update([nd.ones(2), nd.ones(3)], [nd.ones((2, 1)), nd.ones((3, 1))])
    assert seen == [((2,), (2, 1)), ((3,), (3, 1))]
    assert m.get()[1] == 1.0 and m.num_inst == 2
