"""Gradients of every differentiable operator, table driven (the table is ``grad_cases.py``).

Per case:
  (a) the forward of ``mx.nd.<op>`` matches a plain-JAX reference;
  (b) first order: ``attach_grad`` + ``record`` + ``backward`` with fixed random head
      gradients on every float output matches ``jax.vjp`` of the reference, and matches
      central differences of mxcompat's own forward;
  (c) second order: ``autograd.grad(..., create_graph=True)`` inside ``record``, then the
      backward of ``sum(g * w)`` for fixed ``w`` (run as ``backward(g, head_grads=w)``),
      matches ``jax.grad`` of the reference's vjp, and matches central differences of
      mxcompat's own first-order gradient.
Non-differentiable operators must give zero gradients, random operators are checked for a
property that holds for every draw, and every differentiable operator in the registry must
have a case (or a reasoned exclusion in ``grad_cases.EXCLUDED``).

Where the checks are trimmed to keep the file fast (second order skipped for linear and
piecewise linear operators and for attribute variants), ``grad_cases.py`` says so next to
the policy.
"""
from __future__ import annotations

import concurrent.futures
import importlib.util
import os
import threading
import sys

import jax
import jax.numpy as jnp
import numpy as np
import pytest

import mxcompat as mx
from mxcompat.ndarray._frontend import function_for
from mxcompat.ops.registry import REGISTRY, all_ops

HERE = os.path.dirname(os.path.abspath(__file__))
_spec = importlib.util.spec_from_file_location("grad_cases", os.path.join(HERE, "grad_cases.py"))
gc = importlib.util.module_from_spec(_spec)
sys.modules.setdefault("grad_cases", gc)
_spec.loader.exec_module(gc)


# ----------------------------------------------------------------------------- helpers
def _is_float(dtype) -> bool:
    return np.issubdtype(np.dtype(dtype), np.floating)


def _tuple(r):
    return tuple(r) if isinstance(r, (tuple, list)) else (r,)


def _nd_function(name):
    """``mx.nd.<name>`` (generated from the registry; also for operators registered after
    ``mx.nd`` was built)."""
    fn = getattr(mx.nd, name, None)
    return fn if fn is not None else function_for(name)


def _call(case, arrays, nds=None):
    """``mx.nd.<op>`` on NDArrays (made from ``arrays`` unless given)."""
    if nds is None:
        nds = [mx.nd.array(a, dtype=a.dtype) for a in arrays]
    mode = mx.autograd.train_mode() if case.train else mx.autograd.predict_mode()
    with mode:  # the forward in the case's mode (BatchNorm, Dropout) outside record()
        return _tuple(_nd_function(case.op)(*nds, **case.attrs))


def _wrt(case) -> tuple:
    if case.wrt is not None:
        return tuple(case.wrt)
    return tuple(i for i, a in enumerate(case.inputs) if _is_float(a.dtype))


def _close(actual, expected, rtol, atol, what):
    actual, expected = np.asarray(actual), np.asarray(expected)
    assert actual.shape == expected.shape, f"{what}: shape {actual.shape} != {expected.shape}"
    np.testing.assert_allclose(actual.astype(np.float64), expected.astype(np.float64),
                               rtol=rtol, atol=atol, err_msg=what)


class _Meta:
    """What a case differentiates: inputs (wrt), float outputs (heads) with their head
    gradients (hs), the weights of the second-order check (ws), and the reference's output
    structure (shapes and dtypes, from ``jax.eval_shape``: nothing is compiled)."""

    def __init__(self, case):
        self.wrt = _wrt(case)
        structs = _tuple(jax.eval_shape(case.ref, *[jnp.asarray(a) for a in case.inputs]))
        self.structs = structs
        self.heads = [k for k, s in enumerate(structs) if _is_float(s.dtype)]
        self.hs = [np.random.RandomState(1000 + k).standard_normal(structs[k].shape)
                   .astype(structs[k].dtype) for k in self.heads]
        self.ws = [np.random.RandomState(2000 + i).standard_normal(case.inputs[i].shape)
                   .astype(case.inputs[i].dtype) for i in self.wrt]


_METAS: dict = {}


def _meta(case) -> _Meta:
    m = _METAS.get(id(case))
    if m is None:
        m = _METAS[id(case)] = _Meta(case)
    return m


def _reference_body(case, m, xs):
    """Forward outputs, first-order vjp and second-order gradient of the reference."""
    def f(*d):
        full = list(xs)
        for i, v in zip(m.wrt, d):
            full[i] = v
        r = _tuple(case.ref(*full))
        return tuple(r[k] for k in m.heads)

    outs = _tuple(case.ref(*xs))
    prim = [xs[i] for i in m.wrt]
    hj = tuple(jnp.asarray(h) for h in m.hs)
    _, pull = jax.vjp(f, *prim)
    g1 = pull(hj)
    g2 = None
    if case.order2:
        def second(*d):
            g = jax.vjp(f, *d)[1](hj)
            return sum(jnp.sum(gi * jnp.asarray(w)) for gi, w in zip(g, m.ws))
        g2 = jax.grad(second, argnums=tuple(range(len(prim))))(*prim)
    return outs, g1, g2


# References are computed for a chunk of cases at a time, as ONE compiled function: XLA's
# fixed cost per compilation dominates for these tiny programs (about 6x faster than one
# compilation per case).
_CHUNK = 32
_REFS: dict = {}


def _compute_refs(cases) -> None:
    metas = [_meta(c) for c in cases]

    def body():
        return [_reference_body(c, m, [jnp.asarray(a) for a in c.inputs])
                for c, m in zip(cases, metas)]

    lowered = jax.jit(body).lower()
    try:  # the programs are small and run once: skip LLVM's optimisations (~25% faster)
        compiled = lowered.compile(compiler_options={"xla_backend_optimization_level": 0})
    except Exception:  # noqa: BLE001  (an XLA without that option)
        compiled = lowered.compile()
    res = compiled()
    for c, r in zip(cases, jax.device_get(res)):
        _REFS[id(c)] = r


_REF_LOCK = threading.Lock()


def _reference(case):
    """(outputs, first-order vjp, second-order gradient) of the case's reference."""
    with _REF_LOCK:  # one chunk is computed once, whichever worker asks first
        return _reference_unlocked(case)


def _reference_unlocked(case):
    if id(case) not in _REFS:
        pos = next(k for k, c in enumerate(gc.CASES) if c is case)
        chunk = gc.CASES[pos - pos % _CHUNK: pos - pos % _CHUNK + _CHUNK]
        try:
            _compute_refs(chunk)
        except Exception:  # a broken reference: compute the chunk case by case
            for c in chunk:
                try:
                    _compute_refs([c])
                except Exception as e:  # noqa: BLE001  (re-raised by that case's test)
                    _REFS[id(c)] = e
    r = _REFS[id(case)]
    if isinstance(r, Exception):
        raise r
    return r


def _mx_first(case, wrt, heads, hs, arrays=None):
    """mxcompat's first-order gradients (attach_grad/record/backward)."""
    arrays = case.inputs if arrays is None else arrays
    nds = [mx.nd.array(a, dtype=a.dtype) for a in arrays]
    for i in wrt:
        nds[i].attach_grad()
    with mx.autograd.record(train_mode=case.train):
        outs = _call(case, None, nds)
    mx.autograd.backward([outs[k] for k in heads],
                         [mx.nd.array(h, dtype=h.dtype) for h in hs], train_mode=case.train)
    return outs, [nds[i].grad.asnumpy() for i in wrt]


def _mx_second(case, wrt, heads, hs, ws):
    nds = [mx.nd.array(a, dtype=a.dtype) for a in case.inputs]
    for i in wrt:
        nds[i].attach_grad()
    with mx.autograd.record(train_mode=case.train):
        outs = _call(case, None, nds)
        gs = mx.autograd.grad([outs[k] for k in heads], [nds[i] for i in wrt],
                              head_grads=[mx.nd.array(h, dtype=h.dtype) for h in hs],
                              create_graph=True, train_mode=case.train)
    # backward of sum_i sum(g_i * w_i): the gradients as heads with head gradients w_i (the
    # same value as building the sum, without compiling a product and a sum per shape)
    mx.autograd.backward(gs, [mx.nd.array(w, dtype=w.dtype) for w in ws],
                         train_mode=case.train)
    return [g.asnumpy() for g in gs], [nds[i].grad.asnumpy() for i in wrt]


def _sym(g):
    """The symmetric part over the last two axes."""
    return (g + np.swapaxes(g, -1, -2)) / 2


def _numeric(fn, arrays, wrt, eps, sym=()):
    """Central differences of the scalar ``fn(arrays)`` w.r.t. ``arrays[i]`` for i in wrt.

    For an input read as a symmetric matrix (``i in sym``) only symmetric perturbations
    make sense: entry (r, c) and (c, r) move together, and the result is the symmetric
    gradient (compare it with the symmetric part of the analytic one)."""
    grads = []
    for i in wrt:
        base = np.asarray(arrays[i], np.float64)
        g = np.zeros(base.shape, np.float64)
        for idx in np.ndindex(*base.shape):
            if i in sym and idx[-2] > idx[-1]:
                continue
            d = np.zeros(base.shape, np.float64)
            d[idx] = 1.0
            mirror = idx[:-2] + (idx[-1], idx[-2]) if i in sym else idx
            d[mirror] = 1.0
            vals = []
            for sgn in (1.0, -1.0):
                trial = list(arrays)
                trial[i] = (base + sgn * eps * d).astype(arrays[i].dtype)
                vals.append(fn(trial))
            deriv = (vals[0] - vals[1]) / (2 * eps)
            if mirror != idx:
                deriv /= 2
            g[idx] = g[mirror] = deriv
        grads.append(g)
    return grads


def _params(cases):
    out = []
    for c in cases:
        marks = ()
        if getattr(c, "xfail", None):
            marks = (pytest.mark.xfail(strict=True, reason=c.xfail),)
        out.append(pytest.param(c, id=c.id, marks=marks))
    return out


def _unique_ids(cases):
    ids = [c.id for c in cases]
    dup = sorted({i for i in ids if ids.count(i) > 1})
    assert not dup, f"duplicate case ids in grad_cases.py: {dup}"


# ----------------------------------------------------------------------------- the table
def test_case_ids_unique():
    _unique_ids(gc.CASES)
    _unique_ids(gc.ZCASES)


def _check_case(case):
    """Every check of one case; raises on the first failure."""
    assert case.op in REGISTRY, f"{case.op} is not a registered operator"
    m = _meta(case)
    wrt, heads, hs, ws = m.wrt, m.heads, m.hs, m.ws
    assert wrt, "no float input to differentiate"
    assert heads, "no float output"
    ref_outs, ref_g1, ref_g2 = _reference(case)

    # (a) forward
    probe = _call(case, case.inputs)
    assert len(probe) == len(ref_outs), f"{len(probe)} outputs, reference has {len(ref_outs)}"
    for k, (o, r) in enumerate(zip(probe, ref_outs)):
        assert o.dtype == np.dtype(r.dtype), f"output {k}: dtype {o.dtype} != {r.dtype}"
        _close(o.asnumpy(), r, case.rtol, case.atol, f"forward output {k}")

    # (b) first order through backward()
    _, g_mx = _mx_first(case, wrt, heads, hs)
    for i, g, r in zip(wrt, g_mx, ref_g1):
        _close(g, r, case.rtol, case.atol, f"first-order gradient of input {i} vs jax.vjp")

    if case.num:
        def loss(arrays):
            o = _call(case, arrays)
            return sum(float(np.sum(o[k].asnumpy().astype(np.float64) * h))
                       for k, h in zip(heads, hs))
        num = _numeric(loss, list(case.inputs), wrt, case.eps, case.sym)
        for i, g, n in zip(wrt, g_mx, num):
            _close(_sym(g) if i in case.sym else g, n, case.num_rtol, case.num_atol,
                   f"first-order gradient of input {i} vs central differences")

    # (c) second order through autograd.grad(create_graph=True)
    if not case.order2:
        return
    g_cg, g2 = _mx_second(case, wrt, heads, hs, ws)
    for i, g, r in zip(wrt, g_cg, ref_g1):
        _close(g, r, case.rtol, case.atol, f"grad(create_graph=True) of input {i} vs jax.vjp")
    for i, g, r in zip(wrt, g2, ref_g2):
        if i in case.sym:  # only the symmetric part is defined for a symmetric input
            g, r = _sym(g), _sym(np.asarray(r))
        _close(g, r, case.rtol, case.atol, f"second-order gradient of input {i} vs jax")

    if case.num2:
        def first(arrays):
            _, gs = _mx_first(case, wrt, heads, hs, arrays)
            return sum(float(np.sum(g.astype(np.float64) * w)) for g, w in zip(gs, ws))
        num = _numeric(first, list(case.inputs), wrt, case.eps, case.sym)
        for i, g, n in zip(wrt, g2, num):
            _close(_sym(g) if i in case.sym else g, n, case.num_rtol, case.num_atol,
                   f"second-order gradient of input {i} vs central differences")


# The cases are dominated by XLA compilations, which release the GIL: the selected cases
# run on a pool of worker threads (mxcompat's autograd state is thread-local), each test
# waiting for its own case, so both cores of a small machine stay busy (~1.5x faster).
# MXCOMPAT_GRAD_TEST_THREADS=0 runs every case inline, in its own test.
_THREADS = int(os.environ.get("MXCOMPAT_GRAD_TEST_THREADS", "2"))
if os.environ.get("PYTEST_XDIST_WORKER"):  # pytest-xdist already spreads the tests
    _THREADS = 0
_FUTURES: dict = {}
_POOL: list = []


def _submit_all(request) -> None:
    """Queue every selected test_gradient case, in run order (once per session)."""
    if _POOL or _THREADS <= 0:
        return
    pool = concurrent.futures.ThreadPoolExecutor(_THREADS, thread_name_prefix="gradcase")
    _POOL.append(pool)
    for item in request.session.items:
        cs = getattr(item, "callspec", None)
        if getattr(item, "obj", None) is test_gradient and cs is not None:
            c = cs.params["case"]
            _FUTURES[id(c)] = pool.submit(_check_case, c)


@pytest.fixture(scope="module", autouse=True)
def _stop_pool():
    """Drop the queued cases when the module ends early (-x, Ctrl-C)."""
    yield
    for pool in _POOL:
        pool.shutdown(wait=True, cancel_futures=True)


@pytest.mark.parametrize("case", _params(gc.CASES))
def test_gradient(case, request):
    _submit_all(request)
    fut = _FUTURES.get(id(case))
    if fut is None:
        _check_case(case)
    else:
        fut.result()  # re-raises this case's failure


# ----------------------------------------------------------------------------- coverage
def _covered() -> set:
    return {REGISTRY[c.op].name for c in gc.CASES if c.op in REGISTRY}


def _random_ops() -> list:
    """Differentiable random operators without a table case (property-tested)."""
    skip = _covered() | set(gc.EXCLUDED)
    return sorted(op.name for op in all_ops()
                  if op.needs_key and op.differentiable and op.name not in skip)


def test_every_differentiable_operator_has_a_case():
    excluded = {REGISTRY[n].name for n in gc.EXCLUDED if n in REGISTRY}
    missing = sorted(op.name for op in all_ops()
                     if op.differentiable and op.name not in
                     _covered() | excluded | set(_random_ops()))
    assert not missing, f"differentiable operators without a gradient case: {missing}"


def test_exclusions_are_real_and_reasoned():
    for name, reason in gc.EXCLUDED.items():
        assert reason and len(reason) > 10, f"exclusion of {name} needs a reason"
        if name in REGISTRY:
            op = REGISTRY[name]
            assert op.differentiable, f"{name} is not differentiable; no exclusion needed"
            assert not any(REGISTRY.get(c.op) is op for c in gc.CASES), \
                f"{name} has cases and is excluded"


def test_every_zero_gradient_operator_has_a_case():
    covered = {REGISTRY[z.op].name for z in gc.ZCASES if z.op in REGISTRY}
    # operators without array inputs (creation: _zeros, _arange, ...) have nothing to
    # differentiate
    missing = sorted(op.name for op in all_ops()
                     if not op.differentiable and op.inputs and op.name not in covered)
    assert not missing, f"non-differentiable operators without a zero-gradient case: {missing}"


# ----------------------------------------------------------------------------- zero gradients
def _zero_inputs(z):
    nds = [mx.nd.array(a, dtype=a.dtype) for a in z.inputs]
    fl = [i for i, a in enumerate(z.inputs) if _is_float(a.dtype)]
    for i in fl:
        nds[i].attach_grad()
    return nds, fl


@pytest.mark.parametrize("z", _params(gc.ZCASES))
def test_zero_gradient_mixed(z):
    """Gradient flows through the other path of the graph and not through the operator:
    d/dx [sum(x * w) + sum(op(x))] == w."""
    nds, fl = _zero_inputs(z)
    ws = [np.random.RandomState(3000 + i).standard_normal(z.inputs[i].shape) for i in fl]
    with mx.autograd.record():
        outs = _tuple(_nd_function(z.op)(*nds, **z.attrs))
        head = None
        for i, w in zip(fl, ws):
            t = (nds[i] * mx.nd.array(w, dtype=nds[i].dtype)).sum()
            head = t if head is None else head + t
        for o in outs:
            head = head + o.astype(nds[fl[0]].dtype).sum() * 0.5
    head.backward()
    for i, w in zip(fl, ws):
        _close(nds[i].grad.asnumpy(), w, 1e-12, 1e-12, f"gradient of input {i}")


@pytest.mark.parametrize("z", _params(gc.ZCASES[:3] + [
    z for z in gc.ZCASES if z.op in ("argmax", "sign", "zeros_like", "shape_array")]))
def test_zero_gradient_direct(z):
    """backward() from the operator's own output gives zeros (and overwrites old values)."""
    nds, fl = _zero_inputs(z)
    for i in fl:
        nds[i].grad[:] = 7.0
    with mx.autograd.record():
        outs = _tuple(_nd_function(z.op)(*nds, **z.attrs))
    mx.autograd.backward(list(outs))
    for i in fl:
        _close(nds[i].grad.asnumpy(), np.zeros(z.inputs[i].shape), 0, 0,
               f"gradient of input {i}")


def test_gradient_through_comparison_mask():
    """d/dx sum(x * (x > 0)) == (x > 0): the mask is a constant."""
    x = mx.nd.array(gc.X, dtype="float64")
    x.attach_grad()
    with mx.autograd.record():
        y = (x * (x > 0)).sum()
    y.backward()
    _close(x.grad.asnumpy(), (gc.X > 0).astype(np.float64), 0, 0, "x.grad")
    with mx.autograd.record():
        g = mx.autograd.grad(x * mx.nd.relu(x) * (x > 0.5), [x], create_graph=True)[0]
        s = g.sum()
    s.backward()
    # d/dx [x * relu(x) * m] = 2 relu(x) m for x != 0; d2 = 2 * (x > 0) * m
    m = (gc.X > 0.5).astype(np.float64)
    _close(g.asnumpy(), 2 * np.maximum(gc.X, 0) * m, 1e-12, 1e-12, "first order")
    _close(x.grad.asnumpy(), 2 * (gc.X > 0) * m, 1e-12, 1e-12, "second order")


# ----------------------------------------------------------------------------- random operators
def _grad_of(fn, inputs, head_index=0, head=None, train=True):
    """(outputs, gradients of the float inputs) for one head with head gradient ``head``."""
    nds = [mx.nd.array(a, dtype=a.dtype) for a in inputs]
    for x in nds:
        x.attach_grad()
    with mx.autograd.record(train_mode=train):
        outs = _tuple(fn(*nds))
    h = outs[head_index]
    hg = np.random.RandomState(7).standard_normal(h.shape) if head is None else head
    mx.autograd.backward([h], [mx.nd.array(hg, dtype=h.dtype)], train_mode=train)
    return [o.asnumpy() for o in outs], [x.grad.asnumpy() for x in nds], hg


@pytest.mark.parametrize("name", _random_ops())
def test_random_operator_gradient(name):
    """A gradient property that holds whatever the draw."""
    op = REGISTRY[name]
    fn = _nd_function(name)
    if name.startswith("_random_") and name.endswith("_like"):
        _, grads, _ = _grad_of(fn, [gc.P])
        _close(grads[0], np.zeros(gc.S), 0, 0, "samples do not depend on data's values")
    elif name.startswith("_sample_") and name != "_sample_multinomial":
        params = [np.full((2,), 0.25 + 0.5 * k) for k in range(len(op.inputs))]
        _, grads, _ = _grad_of(lambda *a: fn(*a, shape=(3,)), params)
        for g in grads:
            _close(g, np.zeros(2), 0, 0, "sampler gradient w.r.t. its parameters (MXNet: 0)")
    elif name == "_sample_multinomial":
        p = np.array([[0.2, 0.3, 0.5], [0.6, 0.3, 0.1]])
        (draws, logp), grads, hg = _grad_of(
            lambda d: fn(d, shape=(4,), get_prob=True, dtype="int32"), [p], head_index=1)
        want = np.zeros_like(p)
        for r in range(2):
            for j in range(4):
                want[r, draws[r, j]] += hg[r, j] / p[r, draws[r, j]]
        _close(logp, np.log(p[np.arange(2)[:, None], draws]), 1e-12, 1e-12, "log-probability")
        _close(grads[0], want, 1e-12, 1e-12, "d logp / d p = 1/p at the drawn index")
    elif name == "_shuffle":
        x = gc.distinct((4, 3), 9)
        (y,), (g,), hg = _grad_of(fn, [x])
        src = [int(np.flatnonzero((y == row).all(axis=1))[0]) for row in x]
        _close(g, hg[src], 0, 0, "each row gets the head gradient of where it went")
    elif name in ("_image_random_flip_left_right", "_image_random_flip_top_bottom"):
        x = gc.nz((4, 6, 3), 45)
        (y,), (g,), hg = _grad_of(fn, [x])
        axis = 1 if name.endswith("left_right") else 0
        flipped = np.array_equal(y, np.flip(x, axis))
        assert flipped or np.array_equal(y, x)
        _close(g, np.flip(hg, axis) if flipped else hg, 0, 0, "a flip's gradient flips back")
    else:
        pytest.fail(f"no gradient property known for the random operator {name}: add one here "
                    f"or a case in grad_cases.py")


def test_dropout_training_gradient():
    """Training-mode dropout: the gradient is the head gradient times the mask/(1-p) that
    the forward used (recovered as y/x), and the second derivative is zero."""
    x = gc.X
    (y,), (g,), hg = _grad_of(lambda d: mx.nd.Dropout(d, p=0.5), [x])
    scale = y / x
    assert set(np.unique(np.round(scale, 12))) <= {0.0, 2.0}, "mask/(1-p) is 0 or 2"
    _close(g, hg * scale, 1e-12, 1e-12, "x.grad")


def test_rrelu_training_gradient():
    """Training-mode rrelu: negative inputs are scaled by the random slope it returns as its
    second output; the gradient uses the same slopes."""
    x = gc.X
    (y, slope), (g,), hg = _grad_of(
        lambda d: mx.nd.LeakyReLU(d, act_type="rrelu", lower_bound=0.1, upper_bound=0.3), [x])
    neg = x < 0
    assert np.all((slope[neg] >= 0.1) & (slope[neg] <= 0.3)), "slopes within the bounds"
    _close(y, np.where(neg, x * slope, x), 1e-12, 1e-12, "forward")
    _close(g, hg * np.where(neg, slope, 1.0), 1e-12, 1e-12, "x.grad")
