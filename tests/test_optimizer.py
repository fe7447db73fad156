"""mx.optimizer: the fused multi-parameter update against per-index updates, compilation
caching, counters, state handling and the update operators. Values against MXNet itself
are checked by the golden snippets (areas ``optimizer`` and ``lr_scheduler``)."""
from __future__ import annotations

import pickle
import warnings

import numpy as np
import pytest

import mxcompat as mx
from mxcompat import nd
from mxcompat.optimizer import fused

SHAPES = [(4, 3), (5,)]

# (name, kwargs) for every optimizer; weight decay, rescaling and clipping switched on
CONFIGS = [
    ("sgd", dict(learning_rate=0.1)),
    ("sgd", dict(learning_rate=0.1, momentum=0.9, wd=0.01, rescale_grad=0.5,
                 clip_gradient=1.0)),
    ("nag", dict(learning_rate=0.1, momentum=0.9, wd=0.01, rescale_grad=0.5)),
    ("nag", dict(learning_rate=0.1, wd=0.01)),
    ("signum", dict(learning_rate=0.01, wd=0.01, wd_lh=0.01, clip_gradient=1.0)),
    ("signum", dict(learning_rate=0.01, momentum=0.0)),
    ("adam", dict(learning_rate=0.05, wd=0.01, rescale_grad=0.5, clip_gradient=1.0)),
    ("rmsprop", dict(learning_rate=0.01, wd=0.01, clip_weights=0.8)),
    ("rmsprop", dict(learning_rate=0.01, centered=True, clip_gradient=1.0)),
    ("adagrad", dict(learning_rate=0.1, wd=0.01, clip_gradient=1.0)),
    ("adadelta", dict(wd=0.01, rescale_grad=0.5, clip_gradient=1.0)),
    ("adamax", dict(wd=0.01, rescale_grad=0.5)),
    ("nadam", dict(wd=0.01, clip_gradient=1.0)),
    ("ftrl", dict(lamda1=0.001, learning_rate=0.05, wd=0.01)),
    ("ftml", dict(learning_rate=0.05, wd=0.01, clip_gradient=1.0)),
    ("lamb", dict(learning_rate=0.05, wd=0.01, lower_bound=0.1, upper_bound=5.0)),
    ("lamb", dict(learning_rate=0.05, bias_correction=False)),
    ("dcasgd", dict(learning_rate=0.1, wd=0.01)),
    ("lars", dict(learning_rate=0.1, momentum=0.9, wd=0.01, eta=0.5,
                  param_idx2name={1: "fc_bias"})),
    ("lbsgd", dict(learning_rate=0.1, momentum=0.9, batch_scale=2)),
    ("test", dict(rescale_grad=0.5)),
]
MP_CONFIGS = [("sgd", dict(learning_rate=0.1, momentum=0.9, wd=0.01)),
              ("sgd", dict(learning_rate=0.1)),
              ("nag", dict(learning_rate=0.1, momentum=0.9)),
              ("adam", dict(learning_rate=0.01, wd=0.01)),
              ("lamb", dict(learning_rate=0.01)),
              ("rmsprop", dict(learning_rate=0.01, centered=True)),
              ("lars", dict(learning_rate=0.1, momentum=0.9, eta=0.5))]


def _data(dtype, step, shapes=SHAPES):
    ws, gs = [], []
    for k, s in enumerate(shapes):
        n = int(np.prod(s))
        ws.append(np.cos(np.arange(n) * 0.5 + k).reshape(s).astype(dtype))
        gs.append((np.sin(np.arange(n) * 0.37 + step * 0.61 + k) * 2.5 - 0.3)
                  .reshape(s).astype(dtype))
    return ws, gs


def _leaves(state):
    if state is None:
        return []
    if isinstance(state, (list, tuple)):
        return [x for s in state for x in _leaves(s)]
    return [state.asnumpy()]


def _run_pair(name, kw, dtype, steps=3):
    """The same optimizer stepped per index and fused; returns both sides."""
    sides = []
    for mode in ("per_index", "fused"):
        opt = mx.optimizer.create(name, **kw)
        ws0, _ = _data(dtype, 0)
        weights = [nd.array(w, dtype=dtype) for w in ws0]
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            states = [opt.create_state_multi_precision(i, w) for i, w in enumerate(weights)]
        for step in range(steps):
            _, gs = _data(dtype, step)
            grads = [nd.array(g, dtype=dtype) for g in gs]
            idx = list(range(len(weights)))
            if mode == "per_index":
                for i in idx:
                    opt.update_multi_precision(i, weights[i], grads[i], states[i])
            else:
                mx.optimizer.fused_update(opt, idx, weights, grads, states)
        sides.append((opt, weights, states))
    return sides


def _assert_same(a, b, rtol):
    (oa, wa, sa), (ob, wb, sb) = a, b
    for x, y in zip(wa, wb):
        assert x.dtype == y.dtype
        np.testing.assert_allclose(x.asnumpy().astype(np.float64),
                                   y.asnumpy().astype(np.float64), rtol=rtol, atol=rtol)
    for x, y in zip(sa, sb):
        lx, ly = _leaves(x), _leaves(y)
        assert len(lx) == len(ly)
        for p, q in zip(lx, ly):
            assert p.dtype == q.dtype
            np.testing.assert_allclose(p, q, rtol=rtol, atol=rtol)
    assert oa.num_update == ob.num_update
    assert oa._index_update_count == ob._index_update_count


@pytest.mark.parametrize("name,kw", CONFIGS, ids=[f"{n}{i}" for i, (n, _) in
                                                   enumerate(CONFIGS)])
def test_fused_equals_per_index_float32(name, kw):
    a, b = _run_pair(name, kw, np.float32)
    _assert_same(a, b, 1e-6)


@pytest.mark.parametrize("name,kw", MP_CONFIGS, ids=[f"{n}{i}" for i, (n, _) in
                                                      enumerate(MP_CONFIGS)])
def test_fused_equals_per_index_float16_multi_precision(name, kw):
    a, b = _run_pair(name, dict(kw, multi_precision=True), np.float16)
    _assert_same(a, b, 1e-6)
    opt, weights, states = a
    assert all(w.dtype == np.float16 for w in weights)
    assert isinstance(states[0], tuple) and len(states[0]) == 2


def test_fused_nadam_schedule_is_shared_and_sequential():
    a, b = _run_pair("nadam", {}, np.float32)
    assert a[0].m_schedule == b[0].m_schedule
    assert a[0].m_schedule < 0.9 ** (3 * len(SHAPES))  # multiplied once per index update


def test_fused_adadelta_rescales_gradient_in_place():
    opt = mx.optimizer.AdaDelta(rescale_grad=0.25)
    w, g = nd.ones((3,)), nd.array([1.0, -2.0, 4.0])
    mx.optimizer.fused_update(opt, [0], [w], [g], [opt.create_state(0, w)])
    np.testing.assert_allclose(g.asnumpy(), [0.25, -0.5, 1.0])


def test_fused_one_compilation_and_no_retrace():
    """100 parameters of ResNet-like shapes: one compiled call per step; the 2nd and 3rd
    step, a new learning rate and a new rescale_grad do not retrace."""
    shapes = ([(16, 16, 3, 3), (16,), (16,)] * 33) + [(10, 16)]
    opt = mx.optimizer.SGD(learning_rate=0.1, momentum=0.9, wd=1e-4)
    upd = mx.optimizer.get_updater(opt)
    weights = [nd.ones(s) for s in shapes]
    grads = [nd.ones(s) * 0.01 for s in shapes]
    idx = list(range(len(shapes)))
    upd.fused(idx, weights, grads)
    n0 = fused.trace_count()
    assert len(upd.states) == len(shapes)
    upd.fused(idx, weights, grads)
    upd.fused(idx, weights, grads)
    opt.set_learning_rate(0.05)
    opt.rescale_grad = 0.5
    upd.fused(idx, weights, grads)
    assert fused.trace_count() == n0
    assert opt.num_update == 4 and opt._index_update_count[99] == 4
    # the same numbers as the closed form of SGD momentum with these constants
    w = weights[1].asnumpy()[0]
    ref, mom = 1.0, 0.0
    for lr, rg in ((0.1, 1.0), (0.1, 1.0), (0.1, 1.0), (0.05, 0.5)):
        mom = 0.9 * mom - lr * 1e-4 * ref - lr * rg * 0.01
        ref += mom
    assert abs(w - ref) < 1e-6


def test_fused_scheduler_steps_do_not_retrace():
    sched = mx.lr_scheduler.FactorScheduler(step=1, factor=0.9, base_lr=0.1)
    opt = mx.optimizer.Adam(learning_rate=0.1, lr_scheduler=sched)
    w, g = nd.ones((3, 2)), nd.ones((3, 2))
    st = opt.create_state(0, w)
    mx.optimizer.fused_update(opt, [0], [w], [g], [st])
    n0 = fused.trace_count()
    for _ in range(3):
        mx.optimizer.fused_update(opt, [0], [w], [g], [st])
    assert fused.trace_count() == n0
    assert opt.num_update == 4


def test_updater_fused_matches_updater_call():
    ws0, _ = _data(np.float32, 0)
    out = []
    for mode in ("call", "fused"):
        opt = mx.optimizer.RMSProp(learning_rate=0.01, centered=True)
        upd = mx.optimizer.get_updater(opt)
        weights = [nd.array(w) for w in ws0]
        for step in range(3):
            grads = [nd.array(g) for g in _data(np.float32, step)[1]]
            if mode == "call":
                for i, (w, g) in enumerate(zip(weights, grads)):
                    upd(i, g, w)
            else:
                upd.fused(range(len(weights)), weights, grads)
        out.append([w.asnumpy() for w in weights])
    for a, b in zip(*out):
        np.testing.assert_allclose(a, b, rtol=1e-6)


def test_updater_list_call_aggregates_like_mxnet():
    # SGD aggregates: list calls count every index of a chunk before reading the lr
    opt = mx.optimizer.SGD(learning_rate=0.1, momentum=0.5)
    upd = mx.optimizer.get_updater(opt)
    ws = [nd.ones((2,)) for _ in range(6)]
    gs = [nd.ones((2,)) for _ in range(6)]
    upd(list(range(6)), gs, ws)
    assert opt.num_update == 1 and len(opt._index_update_count) == 6
    np.testing.assert_allclose(ws[5].asnumpy(), [0.9, 0.9], rtol=1e-6)
    # Adam does not aggregate: a list is applied index by index
    opt = mx.optimizer.Adam()
    upd = mx.optimizer.get_updater(opt)
    upd([0, 1], gs[:2], ws[:2])
    assert opt._index_update_count == {0: 1, 1: 1}


def test_fused_user_optimizer_falls_back_to_update():
    class Half(mx.optimizer.Optimizer):
        def update(self, index, weight, grad, state):
            self._update_count(index)
            weight[:] -= 0.5 * grad

    opt = Half()
    w = [nd.ones((2,)), nd.ones((3,))]
    g = [nd.ones((2,)), nd.ones((3,)) * 2]
    mx.optimizer.fused_update(opt, [0, 1], w, g, [None, None])
    np.testing.assert_allclose(w[1].asnumpy(), [0.0, 0.0, 0.0])
    assert opt._index_update_count == {0: 1, 1: 1}

    class Sub(mx.optimizer.SGD):  # overriding update disables the compiled rule
        def update(self, index, weight, grad, state):
            weight[:] += 1

    assert not fused.is_fusable(Sub())
    assert fused.is_fusable(mx.optimizer.SGD())
    assert not fused.is_fusable(mx.optimizer.DCASGD(momentum=0.9))


def test_fused_views_and_shared_buffers():
    base = nd.ones((4, 3))
    view = base[1]  # a view: the update writes through to its root
    whole = base.reshape((12,))  # a whole-array view of another weight's buffer
    other = nd.ones((2,))
    opt = mx.optimizer.SGD(learning_rate=0.5)
    mx.optimizer.fused_update(opt, [0, 1], [view, other],
                              [nd.ones((3,)), nd.ones((2,))], [None, None])
    np.testing.assert_allclose(base.asnumpy()[1], [0.5, 0.5, 0.5])
    np.testing.assert_allclose(base.asnumpy()[0], [1, 1, 1])
    np.testing.assert_allclose(whole.asnumpy()[3:6], [0.5, 0.5, 0.5])
    # the same array passed twice, and a gradient that is a weight
    a = nd.ones((2,))
    opt = mx.optimizer.SGD(learning_rate=0.5)
    mx.optimizer.fused_update(opt, [0, 1], [a, other], [other, other], [None, None])
    assert np.isfinite(a.asnumpy()).all() and np.isfinite(other.asnumpy()).all()


def test_eager_update_runs_compiled_once_per_shape():
    opt = mx.optimizer.FTML(learning_rate=0.05)
    w = nd.ones((3, 3))
    st = opt.create_state(0, w)
    opt.update(0, w, nd.ones((3, 3)), st)
    n0 = fused.trace_count()
    for _ in range(3):
        opt.update(0, w, nd.ones((3, 3)), st)
    assert fused.trace_count() == n0
    assert opt._index_update_count[0] == 4


def test_optimizer_pickle_drops_param_dict():
    class P:
        lr_mult, wd_mult = 2.0, 1.0

    opt = mx.optimizer.Adam(learning_rate=0.3, param_dict={0: P()})
    opt._update_count(0)
    opt2 = pickle.loads(pickle.dumps(opt))
    assert opt2.param_dict == {} and opt2.lr == 0.3 and opt2.num_update == 1
    assert opt.param_dict  # the original keeps its own


def test_update_operators_bind_like_mxnet():
    w, g, m = nd.array([1.0, 2.0]), nd.array([0.5, -0.5]), nd.array([0.1, 0.1])
    # positional attributes follow MXNet's order: lr, momentum, wd, rescale_grad, ...
    out = nd.sgd_mom_update(w, g, m, 0.1, 0.9, 0.0, 1.0)
    np.testing.assert_allclose(m.asnumpy(), [0.04, 0.14], rtol=1e-6)
    np.testing.assert_allclose(out.asnumpy(), [1.04, 2.14], rtol=1e-6)
    np.testing.assert_allclose(w.asnumpy(), [1.0, 2.0])  # without out= the weight stays
    nd.sgd_update(w, g, lr=1.0, out=w)
    np.testing.assert_allclose(w.asnumpy(), [0.5, 2.5])
    with pytest.raises(mx.base.MXNetError, match="Required parameter lr"):
        nd.sgd_update(w, g)
    with pytest.raises(mx.base.MXNetError, match="Cannot find argument 'momentum'"):
        nd.sgd_update(w, g, lr=0.1, momentum=0.9)
    for name in ("sgd_update", "sgd_mom_update", "mp_sgd_update", "mp_sgd_mom_update",
                 "nag_mom_update", "mp_nag_mom_update", "adam_update", "rmsprop_update",
                 "rmspropalex_update", "ftrl_update", "ftml_update", "signsgd_update",
                 "signum_update", "lamb_update_phase1", "lamb_update_phase2",
                 "mp_lamb_update_phase1", "mp_lamb_update_phase2"):
        assert not mx.ops.get(name).differentiable


def test_update_operators_do_not_recompile_on_new_hyperparameters():
    op = mx.ops.get("adam_update")
    w, g, m, v = (nd.ones((4,)) for _ in range(4))
    nd.adam_update(w, g, m, v, lr=0.1, out=w)
    n = len(op._kernels)
    for lr, wd in ((0.2, 0.1), (0.3, 0.0)):
        nd.adam_update(w, g, m, v, lr=lr, wd=wd, beta1=0.5, out=w)
    assert len(op._kernels) == n


def test_num_update_is_the_largest_count():
    opt = mx.optimizer.SGD(begin_num_update=3)
    opt._update_count(0)
    opt._update_count([0, 1])
    assert opt._index_update_count == {0: 5, 1: 4} and opt.num_update == 5



def test_count_lr_wd_equals_the_separate_rules():
    """What the fused update asks for per parameter (_count_lr_wd) is what _update_count,
    _get_lr and _get_wd give, for every way a multiplier can be set; an optimizer
    overriding one of those rules keeps its override."""
    class P:   # a Gluon parameter's multipliers
        lr_mult, wd_mult = 3.0, 0.5

    def make():
        opt = mx.optimizer.SGD(learning_rate=0.1, wd=0.01, begin_num_update=2,
                               param_idx2name={1: "fc_weight", 2: "fc_bias"},
                               lr_scheduler=mx.lr_scheduler.FactorScheduler(2, 0.5))
        opt.param_dict = {0: P()}
        opt.set_lr_mult({"fc_weight": 2.0, 3: 4.0})
        opt.set_wd_mult({"fc_bias": 0.0, 3: 7.0})
        return opt

    fast, slow = make(), make()
    for index in (0, 1, 2, 3, 4, 0, 0, 1, 3, 3, 3):
        got = fast._count_lr_wd(index)
        slow._update_count(index)
        want = (slow._get_lr(index), slow._get_wd(index))
        assert got == want, (index, got, want)
        assert fast._index_update_count == slow._index_update_count
        assert fast.num_update == slow.num_update

    class Halved(mx.optimizer.SGD):
        def _get_lr(self, index):
            return super()._get_lr(index) / 2

    assert Halved(learning_rate=0.1)._count_lr_wd(0)[0] == 0.05
