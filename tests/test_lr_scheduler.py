"""mx.lr_scheduler: properties of every schedule (MXNet's exact values are checked by the
golden snippets of area ``lr_scheduler``)."""
from __future__ import annotations

import math

import pytest

import mxcompat as mx
from mxcompat import lr_scheduler as L


def test_warmup_linear_and_constant():
    s = L.CosineScheduler(max_update=20, base_lr=1.0, warmup_steps=4, warmup_begin_lr=0.2)
    assert [s(i) for i in range(4)] == pytest.approx([0.2, 0.4, 0.6, 0.8])
    assert s(4) == pytest.approx(1.0)
    s = L.PolyScheduler(max_update=20, base_lr=1.0, warmup_steps=3, warmup_begin_lr=0.1,
                        warmup_mode="constant")
    assert [s(i) for i in range(3)] == [0.1, 0.1, 0.1]


def test_factor_scheduler_steps_and_floor():
    s = L.FactorScheduler(step=2, factor=0.5, stop_factor_lr=0.1, base_lr=1.0)
    lrs = [s(i) for i in range(12)]
    assert lrs[:3] == [1.0, 1.0, 1.0] and lrs[3] == 0.5 and lrs[5] == 0.25
    assert min(lrs) == 0.1 and lrs[-1] == 0.1


def test_multifactor_scheduler():
    s = L.MultiFactorScheduler(step=[2, 4], factor=0.1, base_lr=1.0)
    assert [s(i) for i in range(7)] == pytest.approx([1, 1, 1, 0.1, 0.1, 0.01, 0.01])
    assert s.cur_step_ind == 2


def test_poly_and_cosine_end_points():
    p = L.PolyScheduler(max_update=10, base_lr=0.5, pwr=2, final_lr=0.1)
    c = L.CosineScheduler(max_update=10, base_lr=0.5, final_lr=0.1)
    assert p(0) == pytest.approx(0.5) and p(10) == pytest.approx(0.1)
    assert p(5) == pytest.approx(0.1 + 0.4 * 0.25)
    assert c(5) == pytest.approx(0.3) and c(10) == pytest.approx(0.1)
    end_p, end_c = p(10), c(10)
    assert p(25) == end_p and c(25) == end_c  # the last value stays after max_update
    assert c(3) == pytest.approx(0.1 + 0.4 * (1 + math.cos(math.pi * 0.3)) / 2)


def test_errors():
    with pytest.raises(ValueError, match="Base lr has to be higher"):
        L.LRScheduler(base_lr=0.1, warmup_begin_lr=0.5)
    with pytest.raises(ValueError, match="Supports only linear and constant"):
        L.LRScheduler(warmup_mode="exp")
    with pytest.raises(NotImplementedError):
        L.LRScheduler()(0)


def test_optimizer_reads_scheduler_at_num_update():
    s = L.FactorScheduler(step=1, factor=0.5, base_lr=1.0)
    opt = mx.optimizer.SGD(lr_scheduler=s)
    w, g = mx.nd.ones((1,)), mx.nd.ones((1,))
    upd = mx.optimizer.get_updater(opt)
    for _ in range(3):
        upd(0, g, w)
    # lrs 1.0 (update 1), 0.5 (update 2), 0.25 (update 3)
    assert w.asnumpy()[0] == pytest.approx(1 - 1.75)
    assert opt.learning_rate == 0.25
