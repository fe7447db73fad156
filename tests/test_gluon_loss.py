"""gluon.loss: hybridized == eager for every loss and option, gradients against plain JAX
formulas, the CTC loss against brute-force enumeration and central differences, and the
constructor errors. (MXNet's printed numbers are checked by the golden area gluon_loss.)"""
from __future__ import annotations

import itertools

import jax
import jax.numpy as jnp
import numpy as np
import pytest

from mxcompat import autograd, nd
from mxcompat.gluon import loss as L

RNG = np.random.RandomState(7)
PRED = RNG.uniform(-2, 2, (4, 3)).astype(np.float32)
BIN = (RNG.uniform(0, 1, (4, 3)) > 0.5).astype(np.float32)
SIGNED = BIN * 2 - 1
SW = np.array([[1.0], [0.5], [2.0], [0.0]], np.float32)


def _a(x):
    return nd.array(x, dtype=np.asarray(x).dtype)


def _ctc_inputs():
    pred = np.sin(np.arange(2 * 5 * 4).reshape(2, 5, 4) * 0.37).astype(np.float32)
    label = np.array([[0, 1, -1], [2, 2, 1]], np.float32)
    return pred, label


# (name, factory, inputs) -- every loss and every option at least once
CASES = [
    ("l2", L.L2Loss, (PRED, BIN)),
    ("l2_w_sw", lambda: L.L2Loss(weight=3.0), (PRED, BIN, SW)),
    ("l2_axis1", lambda: L.L2Loss(batch_axis=1), (PRED, BIN)),
    ("l1_sw_row", L.L1Loss, (PRED, BIN, np.array([1.0, 0.0, 2.0], np.float32))),
    ("bce", L.SigmoidBinaryCrossEntropyLoss, (PRED * 20, BIN)),
    ("bce_posw", L.SigmoidBCELoss, (PRED, BIN, None, np.array([2.0, 1.0, 0.5], np.float32))),
    ("bce_sig", lambda: L.SigmoidBCELoss(from_sigmoid=True, weight=2.0),
     (1 / (1 + np.exp(-PRED)), BIN, SW)),
    ("bce_sig_posw", lambda: L.SigmoidBCELoss(from_sigmoid=True),
     (1 / (1 + np.exp(-PRED)), BIN, None, np.full((4, 3), 3.0, np.float32))),
    ("sce", L.SoftmaxCrossEntropyLoss, (PRED, np.array([0, 2, 1, 1], np.float32))),
    ("sce_dense", lambda: L.SoftmaxCELoss(sparse_label=False), (PRED, BIN / 3, SW)),
    ("sce_logits", lambda: L.SoftmaxCELoss(from_logits=True),
     (PRED - 3, np.array([0, 2, 1, 1], np.float32))),
    ("sce_axis", lambda: L.SoftmaxCELoss(axis=1, weight=0.5),
     (np.stack([PRED, -PRED]), np.array([[0, 1, 2], [3, 3, 0]], np.float32))),
    ("kl", L.KLDivLoss, (PRED - 3, BIN / 3)),
    ("kl_logits", lambda: L.KLDivLoss(from_logits=False, axis=0), (PRED, BIN / 4, SW)),
    ("huber", lambda: L.HuberLoss(rho=0.7), (PRED, BIN, SW)),
    ("hinge", lambda: L.HingeLoss(margin=1.5), (PRED, SIGNED)),
    ("sqhinge", lambda: L.SquaredHingeLoss(weight=2.0), (PRED, SIGNED, SW)),
    ("logistic", L.LogisticLoss, (PRED, SIGNED)),
    ("logistic_bin", lambda: L.LogisticLoss(label_format="binary"), (PRED, BIN, SW)),
    ("triplet", lambda: L.TripletLoss(margin=0.3), (PRED, BIN, PRED * 0.5)),
    ("poisson", L.PoissonNLLLoss, (PRED, BIN * 3)),
    ("poisson_rate", lambda: L.PoissonNLLLoss(from_logits=False, compute_full=True),
     (np.abs(PRED) + 0.1, BIN * 3 + 1, SW)),
    ("cosine", lambda: L.CosineEmbeddingLoss(margin=0.2),
     (PRED, PRED[::-1] + 0.5, np.array([1, -1, 1, -1], np.float32), SW)),
    ("sdml", L.SDMLLoss, (PRED, PRED + 0.1)),
    ("ctc", L.CTCLoss, _ctc_inputs()),
    ("ctc_tnc_tn", lambda: L.CTCLoss(layout="TNC", label_layout="TN", weight=0.5),
     (_ctc_inputs()[0].transpose(1, 0, 2), _ctc_inputs()[1].T)),
    ("ctc_lengths", L.CTCLoss,
     _ctc_inputs() + (np.array([4, 5], np.float32), np.array([2, 1], np.float32),
                      np.array([1.0, 3.0], np.float32))),
]


def _args(inputs):
    return [None if x is None else (x if isinstance(x, float) else _a(x)) for x in inputs]


@pytest.mark.parametrize("name,make,inputs", CASES, ids=[c[0] for c in CASES])
def test_hybridized_matches_eager_values_and_grads(name, make, inputs):
    outs, grads = [], []
    for hybrid in (False, True):
        loss = make()
        if hybrid:
            loss.hybridize()
        args = _args(inputs)
        args[0].attach_grad()
        with autograd.record():
            out = loss(*args)
        out.backward()
        outs.append(out.asnumpy())
        grads.append(args[0].grad.asnumpy())
    assert outs[0].shape == outs[1].shape
    np.testing.assert_allclose(outs[0], outs[1], rtol=1e-5, atol=1e-6)
    np.testing.assert_allclose(grads[0], grads[1], rtol=1e-5, atol=1e-6)
    assert np.isfinite(outs[0]).all()


def test_output_shapes():
    p3 = _a(np.ones((2, 3, 4), np.float32))
    assert L.L2Loss()(p3, p3).shape == (2,)
    assert L.L2Loss(batch_axis=2)(p3, p3).shape == (4,)
    assert L.SoftmaxCELoss(axis=1)(p3, nd.zeros((2, 4))).shape == (2,)
    assert L.KLDivLoss(batch_axis=1)(p3, p3).shape == (3,)
    assert L.PoissonNLLLoss()(p3, p3).shape == (1,)
    assert L.CosineEmbeddingLoss()(nd.ones((2, 3)), nd.ones((2, 3)), nd.ones((2,))).shape \
        == (2, 1)
    assert L.TripletLoss()(p3, p3, p3).shape == (2,)


# ----------------------------------------------------------------- gradients vs plain JAX
def _jax_bce(x, z, pos_w):
    # a different but equivalent formula: -(w z log s(x) + (1-z) log(1-s(x)))
    return jnp.mean(-(pos_w * z * jax.nn.log_sigmoid(x) + (1 - z) * jax.nn.log_sigmoid(-x)),
                    axis=1)


def _jax_sce(x, y):
    return -jnp.take_along_axis(jax.nn.log_softmax(x, -1), y[:, None].astype(int), 1)[:, 0]


def _jax_huber(x, y, rho):
    e = jnp.abs(y - x)
    return jnp.mean(jnp.where(e > rho, e - rho / 2, e * e / (2 * rho)), axis=1)


def _grad_of(loss, x, *rest, head=None):
    xn = _a(x)
    xn.attach_grad()
    with autograd.record():
        out = loss(xn, *[None if r is None else _a(r) for r in rest])
    out.backward(None if head is None else _a(head))
    return out.asnumpy(), xn.grad.asnumpy()


HEAD = np.array([1.0, -2.0, 0.5, 3.0], np.float32)


@pytest.mark.parametrize("hybrid", [False, True])
def test_gradients_against_jax_formulas(hybrid):
    posw = np.array([2.0, 1.0, 0.5], np.float32)
    checks = [
        (L.SigmoidBCELoss(), (PRED, BIN, None, posw), lambda x: _jax_bce(x, BIN, posw)),
        (L.SoftmaxCELoss(), (PRED, np.array([0, 2, 1, 1], np.float32)),
         lambda x: _jax_sce(x, jnp.array([0, 2, 1, 1]))),
        (L.HuberLoss(rho=0.7), (PRED, BIN), lambda x: _jax_huber(x, BIN, 0.7)),
        (L.L2Loss(weight=3.0), (PRED, BIN, SW),
         lambda x: jnp.mean(1.5 * (x - BIN) ** 2 * SW, axis=1)),
        (L.LogisticLoss(), (PRED, SIGNED),
         lambda x: jnp.mean(jnp.log1p(jnp.exp(-x * SIGNED)), axis=1)),
        (L.KLDivLoss(from_logits=False), (PRED, BIN / 3),
         lambda x: jnp.sum(BIN / 3 * (jnp.log(BIN / 3 + 1e-12) - jax.nn.log_softmax(x)),
                           axis=1)),
    ]
    for loss, inputs, ref in checks:
        if hybrid:
            loss.hybridize()
        out, g = _grad_of(loss, *inputs, head=HEAD)
        val, vjp = jax.vjp(ref, jnp.asarray(PRED))
        np.testing.assert_allclose(out, val, rtol=1e-5, atol=1e-6, err_msg=repr(loss))
        np.testing.assert_allclose(g, vjp(jnp.asarray(HEAD))[0], rtol=1e-5, atol=1e-6,
                                   err_msg=repr(loss))


# ----------------------------------------------------------------------------- CTC
def _collapse(path, blank: int) -> list:
    """CTC's many-to-one map: merge repeats, then drop blanks."""
    return [k for i, k in enumerate(path) if k != blank and (i == 0 or path[i - 1] != k)]


def _ctc_brute(logits: np.ndarray, label: list) -> float:
    """-log of the summed probability of every path that collapses to ``label``
    (blank = last class), by enumeration."""
    t, c = logits.shape
    logp = logits - np.log(np.exp(logits).sum(-1, keepdims=True))
    paths = np.array(list(itertools.product(range(c), repeat=t)))
    keep = np.array([_collapse(p, c - 1) == list(label) for p in paths])
    return -np.log(np.exp(logp[np.arange(t), paths[keep]].sum(-1)).sum())


def test_ctc_matches_enumeration():
    rng = np.random.RandomState(3)
    logits = rng.normal(size=(3, 4, 3)).astype(np.float32)  # N, T, C: {0, 1} + blank 2
    labels = [[0, 1], [1, 1], [0]]
    padded = np.array([l + [-1] * (2 - len(l)) for l in labels], np.float32)
    out = L.CTCLoss()(_a(logits), _a(padded))
    want = [_ctc_brute(logits[i], labels[i]) for i in range(3)]
    np.testing.assert_allclose(out.asnumpy(), want, rtol=1e-5)


def test_ctc_gradient_against_jax_and_central_differences():
    n, t, c = 2, 4, 3
    rng = np.random.RandomState(5)
    x = rng.normal(size=(n, t, c)).astype(np.float32)
    label = np.array([[0, 1], [1, -1]], np.float32)
    head = np.array([1.0, -0.5])
    loss = L.CTCLoss()
    xn = _a(x)
    xn.attach_grad()
    with autograd.record():
        out = loss(xn, _a(label))
    out.backward(_a(head.astype(np.float32)))
    grad = xn.grad.asnumpy()
    # central differences, all in one call: each perturbed copy is one more batch entry
    eps = 1e-2
    idx = list(itertools.product(range(n), range(t), range(c)))
    batch, labs = [], []
    for sign in (1, -1):
        for (i, j, k) in idx:
            xp = x[i].copy()
            xp[j, k] += sign * eps
            batch.append(xp)
            labs.append(label[i])
    vals = L.CTCLoss()(_a(np.stack(batch)), _a(np.stack(labs))).asnumpy().astype(np.float64)
    m = len(idx)                       # idx runs over (n, t, c) in C order
    fd = (vals[:m] - vals[m:]).reshape(n, t, c) * head[:, None, None] / (2 * eps)
    np.testing.assert_allclose(grad, fd, rtol=1e-3, atol=2e-4)
    # and against the gradient of the brute-force formula written in JAX
    paths = np.array(list(itertools.product(range(c), repeat=t)))
    keep = [np.array([_collapse(p, c - 1) == lab for p in paths]) for lab in ([0, 1], [1])]

    def ref(z):
        logp = jax.nn.log_softmax(z, -1)
        rows = [-jax.scipy.special.logsumexp(logp[i, jnp.arange(t), paths[m]].sum(-1))
                for i, m in enumerate(keep)]
        return jnp.stack(rows)

    val, vjp = jax.vjp(ref, jnp.asarray(x, jnp.float64))
    np.testing.assert_allclose(out.asnumpy(), val, rtol=1e-5)
    np.testing.assert_allclose(grad, vjp(jnp.asarray(head))[0], rtol=1e-5, atol=1e-6)


def test_ctc_layouts_and_lengths_agree():
    pred, label = _ctc_inputs()
    base = L.CTCLoss()(_a(pred), _a(label)).asnumpy()
    tnc = L.CTCLoss(layout="TNC", label_layout="TN")(_a(pred.transpose(1, 0, 2)),
                                                      _a(label.T)).asnumpy()
    np.testing.assert_allclose(base, tnc, rtol=1e-6)
    # explicit label lengths equal to the padding give the same loss
    lens = L.CTCLoss()(_a(pred), _a(label), None, _a(np.array([2, 3], np.float32))).asnumpy()
    np.testing.assert_allclose(base, lens, rtol=1e-6)
    # sample_weight and weight scale per sample
    sw = L.CTCLoss(weight=2.0)(_a(pred), _a(label), None, None,
                               _a(np.array([0.5, 3.0], np.float32))).asnumpy()
    np.testing.assert_allclose(sw, base * [1.0, 6.0], rtol=1e-6)


# ----------------------------------------------------------------------------- errors
def test_constructor_errors_and_repr():
    with pytest.raises(ValueError, match="label_format can only be signed or binary, "
                                         "recieved onehot."):
        L.LogisticLoss(label_format="onehot")
    with pytest.raises(AssertionError, match="Only 'NTC' and 'TNC' layouts"):
        L.CTCLoss(layout="NCT")
    with pytest.raises(AssertionError, match="Only 'NT' and 'TN' layouts"):
        L.CTCLoss(label_layout="T")
    with pytest.raises(AssertionError, match="weight must be a number"):
        L.L1Loss(weight="2")(nd.ones((2, 2)), nd.ones((2, 2)))
    assert repr(L.CTCLoss(label_layout="TN", weight=0.5)) == "CTCLoss(batch_axis=1, w=0.5)"
    assert repr(L.L2Loss()) == "L2Loss(batch_axis=0, w=1.0)"
    with pytest.raises(NotImplementedError):
        L.Loss(None, 0)(nd.ones((1,)))
