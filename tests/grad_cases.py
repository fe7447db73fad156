"""The table behind ``test_gradients.py``: gradient cases for every differentiable operator.

Each ``Case`` names a registry operator, gives fixed inputs (numpy arrays, float64 unless
the operator needs otherwise), the attributes passed to ``mx.nd.<op>``, and a reference
forward written directly with ``jax.numpy``/``lax`` (never through the registry). The test
differentiates the reference with ``jax.vjp``/``jax.grad`` and compares mxcompat's autograd
against it and against central differences.

Inputs stay away from kinks and domain edges: every generator below is deterministic and
keeps values a clear distance from the points where an operator is not differentiable.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Callable, Sequence

import jax
import jax.numpy as jnp
import jax.scipy.special as jss
import numpy as np
from jax import lax

F64 = np.float64


# ----------------------------------------------------------------------------- the case type
@dataclass
class Case:
    op: str                              # registry name (an alias works too)
    inputs: Sequence[np.ndarray]         # positional inputs of mx.nd.<op>
    ref: Callable                        # ref(*jnp inputs) -> array or tuple of arrays
    attrs: dict = field(default_factory=dict)
    wrt: tuple | None = None             # inputs to differentiate (default: float inputs)
    tag: str = ""                        # distinguishes several cases of one operator
    rtol: float = 1e-7                   # mxcompat vs the jax reference
    atol: float = 1e-9
    num: bool = True                     # numerical first-order check
    num2: bool = True                    # second order also vs central differences
    order2: bool = True                  # second-order check against the reference
    num_rtol: float = 1e-5
    num_atol: float = 1e-6
    eps: float = 1e-6
    train: bool = True                   # record(train_mode=...)
    xfail: str | None = None             # a known mxcompat bug (temporary)
    sym: tuple = ()                      # inputs read as symmetric matrices: MXNet's
    # gradient is then the symmetric one, checked along symmetric perturbations only

    @property
    def id(self) -> str:
        return self.op + (f"-{self.tag}" if self.tag else "")


# ----------------------------------------------------------------------------- inputs
def rs(k: int) -> np.random.RandomState:
    return np.random.RandomState(k)


def nz(shape, k=0, lo=0.2, hi=1.0):
    """Values in +-[lo, hi], signs mixed: a clear distance from zero."""
    r = rs(k)
    mag = r.uniform(lo, hi, shape)
    sgn = np.where(r.uniform(size=shape) < 0.5, -1.0, 1.0)
    return (mag * sgn).astype(F64)


def pos(shape, k=0, lo=0.5, hi=2.0):
    return rs(k).uniform(lo, hi, shape).astype(F64)


def uni(shape, k=0, lo=-0.8, hi=0.8):
    return rs(k).uniform(lo, hi, shape).astype(F64)


def distinct(shape, k=0, gap=0.05, scale=1.0):
    """Values whose pairwise distance is at least ``gap * scale`` (no ties anywhere)."""
    n = int(np.prod(shape))
    vals = (np.arange(n) - (n - 1) / 2) * scale * (gap + 1.0 / n)
    return rs(k).permutation(vals).reshape(shape).astype(F64)


def away(x, points, margin=0.05):
    """Move the entries of ``x`` that are within ``margin`` of one of ``points``."""
    x = np.array(x, F64)
    for p in points:
        close = np.abs(x - p) < margin
        x = np.where(close, p + np.where(x >= p, margin, -margin) * 2, x)
    return x


def mod_pair(shape_a, shape_b, k=0):
    """(a, b) with a/b a clear distance from every integer (mod is smooth there)."""
    r = rs(k)
    b = r.uniform(0.7, 1.9, shape_b) * np.where(r.uniform(size=shape_b) < 0.5, -1, 1)
    shape = np.broadcast_shapes(shape_a, shape_b)
    q = r.randint(-2, 3, shape) + r.uniform(0.15, 0.85, shape)  # integer part + fraction
    a = q * b
    if a.shape != tuple(shape_a):  # only when b broadcasts against a bigger a
        raise ValueError("mod_pair expects shape_a to be the broadcast shape")
    return a.astype(F64), b.astype(F64)


S = (3, 4)          # the common shape (one compilation per operator and shape)
ROW = (1, 4)        # broadcast partner of S
COL = (3, 1)

X = nz(S, 1)
Y = nz(S, 2)
P = pos(S, 3)
U = uni(S, 5)
XR = nz(ROW, 6)


def case(op, inputs, ref, attrs=None, **kw) -> Case:
    return Case(op, list(inputs), ref, dict(attrs or {}), **kw)


def loss_case(op, inputs, ref, attrs=None, **kw) -> Case:
    """A loss layer: its gradient is MXNet's rule, not the derivative of its forward, so
    central differences of the forward do not apply (those of the gradient still do)."""
    return case(op, inputs, ref, attrs, num=False, **kw)


CASES: list[Case] = []


def add(*cases: Case) -> None:
    CASES.extend(cases)


# ----------------------------------------------------------------------------- references
def ones_grad(fn, scale=1.0):
    """A reference whose gradient ignores the head gradient: ``scale * ones`` (loss heads)."""
    @jax.custom_vjp
    def f(x):
        return fn(x)

    def f_fwd(x):
        return fn(x), x

    def f_bwd(x, ct):
        return (jnp.full(x.shape, scale, x.dtype),)

    f.defvjp(f_fwd, f_bwd)
    return f


def gamma_ref(x):
    """Gamma on positive and negative non-integer values (reflection for x < 0.5)."""
    refl = jnp.pi / (jnp.sin(jnp.pi * x) * jnp.exp(jss.gammaln(1.0 - x)))
    return jnp.where(x >= 0.5, jnp.exp(jss.gammaln(jnp.where(x >= 0.5, x, 1.0))), refl)


def mod_ref(a, b):
    return a - b * jnp.floor(a / b)


def full_reduce(v):
    """MXNet gives shape (1,) for a reduction over every axis without keepdims."""
    return v.reshape((1,)) if v.ndim == 0 else v


# ----------------------------------------------------------------------------- elementwise
_A, _B = nz(S, 10), nz(ROW, 11)
_MA, _MB = mod_pair(S, ROW, 12)
_MAX_A = distinct(S, 13)
_MAX_B = _MAX_A[:1] + 0.021  # a row, never equal to any entry of _MAX_A
_PA, _PB = pos(S, 14), uni(ROW, 15, -1.5, 1.5)

add(
    case("broadcast_add", [_A, _B], jnp.add),
    case("broadcast_sub", [_A, _B], jnp.subtract),
    case("broadcast_mul", [_A, _B], jnp.multiply),
    case("broadcast_div", [_A, _B], jnp.divide),
    case("broadcast_mod", [_MA, _MB], mod_ref),
    case("broadcast_power", [_PA, _PB], lambda a, b: jnp.exp(b * jnp.log(a))),
    case("broadcast_maximum", [_MAX_A, _MAX_B], lambda a, b: jnp.where(a > b, a, b)),
    case("broadcast_minimum", [_MAX_A, _MAX_B], lambda a, b: jnp.where(a < b, a, b)),
    case("broadcast_hypot", [_A, _B], lambda a, b: jnp.sqrt(a * a + b * b)),
)

_MS_A, _MS_B = mod_pair(S, S, 17)
_MX_B = _MAX_A + np.where(rs(18).uniform(size=S) < 0.5, -0.3, 0.3)
add(
    case("elemwise_add", [X, Y], jnp.add),
    case("elemwise_sub", [X, Y], jnp.subtract),
    case("elemwise_mul", [X, Y], jnp.multiply),
    case("elemwise_div", [X, Y], jnp.divide),
    case("_maximum", [_MAX_A, _MX_B], lambda a, b: jnp.where(a > b, a, b)),
    case("_minimum", [_MAX_A, _MX_B], lambda a, b: jnp.where(a < b, a, b)),
    case("_hypot", [X, Y], lambda a, b: jnp.sqrt(a * a + b * b)),
    case("_power", [P, U], lambda a, b: jnp.exp(b * jnp.log(a))),
    case("_mod", [_MS_A, _MS_B], mod_ref),
    case("add_n", [X, Y, P], lambda a, b, c: a + b + c),
)

# scalar variants (the scalar is an attribute)
_SMOD = away(nz(S, 20, 0.1, 3.0), [k * 1.3 for k in range(-3, 4)], 0.1)
_RMOD = pos(S, 21, 0.6, 2.0)
_RMOD = away(_RMOD, [2.5 / k for k in range(1, 6)], 0.08)
add(
    case("_plus_scalar", [X], lambda x: x + 1.5, {"scalar": 1.5}),
    case("_minus_scalar", [X], lambda x: x - 1.5, {"scalar": 1.5}),
    case("_rminus_scalar", [X], lambda x: 1.5 - x, {"scalar": 1.5}),
    case("_mul_scalar", [X], lambda x: x * -2.5, {"scalar": -2.5}),
    case("_div_scalar", [X], lambda x: x / 0.75, {"scalar": 0.75}),
    case("_rdiv_scalar", [X], lambda x: 0.75 / x, {"scalar": 0.75}),
    case("_mod_scalar", [_SMOD], lambda x: mod_ref(x, 1.3), {"scalar": 1.3}),
    case("_rmod_scalar", [_RMOD], lambda x: mod_ref(2.5, x), {"scalar": 2.5}),
    case("_power_scalar", [P], lambda x: jnp.exp(2.5 * jnp.log(x)), {"scalar": 2.5}),
    case("_rpower_scalar", [X], lambda x: jnp.exp(x * math.log(2.5)), {"scalar": 2.5}),
    case("_maximum_scalar", [away(X, [0.1])], lambda x: jnp.where(x > 0.1, x, 0.1),
         {"scalar": 0.1}),
    case("_minimum_scalar", [away(X, [0.1])], lambda x: jnp.where(x < 0.1, x, 0.1),
         {"scalar": 0.1}),
    case("_hypot_scalar", [X], lambda x: jnp.sqrt(x * x + 0.49), {"scalar": 0.7}),
)

_SIG = lambda x: 1.0 / (1.0 + jnp.exp(-x))  # noqa: E731
add(
    case("abs", [X], lambda x: jnp.where(x > 0, x, -x)),
    case("negative", [X], lambda x: -x),
    case("square", [X], lambda x: x * x),
    case("reciprocal", [X], lambda x: 1.0 / x),
    case("sqrt", [P], lambda x: jnp.power(x, 0.5)),
    case("rsqrt", [P], lambda x: jnp.power(x, -0.5)),
    case("cbrt", [X], lambda x: jnp.sign(x) * jnp.power(jnp.abs(x), 1.0 / 3)),
    case("rcbrt", [X], lambda x: jnp.sign(x) * jnp.power(jnp.abs(x), -1.0 / 3)),
    case("exp", [X], jnp.exp),
    case("expm1", [X], lambda x: jnp.exp(x) - 1.0),
    case("log", [P], jnp.log),
    case("log10", [P], lambda x: jnp.log(x) / math.log(10.0)),
    case("log2", [P], lambda x: jnp.log(x) / math.log(2.0)),
    case("log1p", [U], lambda x: jnp.log(1.0 + x)),
    case("sin", [X], jnp.sin),
    case("cos", [X], jnp.cos),
    case("tan", [U], lambda x: jnp.sin(x) / jnp.cos(x)),
    case("arcsin", [U], jnp.arcsin),
    case("arccos", [U], jnp.arccos),
    case("arctan", [X], jnp.arctan),
    case("sinh", [X], lambda x: (jnp.exp(x) - jnp.exp(-x)) / 2),
    case("cosh", [X], lambda x: (jnp.exp(x) + jnp.exp(-x)) / 2),
    case("tanh", [X], lambda x: (jnp.exp(2 * x) - 1) / (jnp.exp(2 * x) + 1)),
    case("arcsinh", [X], lambda x: jnp.log(x + jnp.sqrt(x * x + 1))),
    case("arccosh", [P + 1.0], lambda x: jnp.log(x + jnp.sqrt(x * x - 1))),
    case("arctanh", [U], lambda x: 0.5 * jnp.log((1 + x) / (1 - x))),
    case("degrees", [X], lambda x: x * (180.0 / math.pi)),
    case("radians", [X], lambda x: x * (math.pi / 180.0)),
    case("gamma", [P], gamma_ref),
    case("gamma", [away(nz(S, 22, 0.1, 1.9), [-1.0], 0.1)], gamma_ref, tag="negative",
         rtol=1e-6),
    case("gammaln", [P], jss.gammaln),
    case("digamma", [P], jss.digamma),
    case("erf", [X], jss.erf),
    case("erfinv", [U], jss.erfinv, rtol=1e-6),
    case("relu", [X], lambda x: jnp.where(x > 0, x, 0.0)),
    case("sigmoid", [X], _SIG),
    case("softsign", [X], lambda x: x / (1 + jnp.abs(x))),
    case("_copy", [X], lambda x: x),
    # the forward is the identity, so central differences cannot see the blocked gradient
    case("BlockGrad", [X], lax.stop_gradient, num=False, num2=False),
    loss_case("make_loss", [X], ones_grad(lambda x: x)),
    loss_case("MakeLoss", [X], ones_grad(lambda x: x, 2.0), {"grad_scale": 2.0}, tag="grad_scale"),
    case("hard_sigmoid", [away(np.linspace(-3.7, 3.3, 12).reshape(S), [-2.5, 2.5])],
         lambda x: jnp.minimum(jnp.maximum(0.2 * x + 0.5, 0.0), 1.0)),
    case("clip", [away(X, [-0.5, 0.6])], lambda x: jnp.minimum(jnp.maximum(x, -0.5), 0.6),
         {"a_min": -0.5, "a_max": 0.6}),
    case("smooth_l1", [away(X, [-0.25, 0.25])],
         lambda x: jnp.where(jnp.abs(x) < 0.25, 2.0 * x * x, jnp.abs(x) - 0.125),
         {"scalar": 2.0}),
)

# ----------------------------------------------------------------------------- reductions
X3 = nz((2, 3, 2), 30)
D3 = distinct((2, 3, 2), 31)
add(
    case("sum", [X], lambda x: full_reduce(jnp.sum(x))),
    case("sum", [X3], lambda x: jnp.sum(x, axis=1), {"axis": 1}, tag="axis"),
    case("sum", [X3], lambda x: jnp.sum(x, axis=(0, 2)), {"axis": 1, "exclude": True},
         tag="exclude"),
    case("mean", [X3], lambda x: jnp.sum(x, axis=(0, 2)) / 4.0, {"axis": (0, 2)}),
    case("prod", [X3], lambda x: x[:, 0] * x[:, 1] * x[:, 2], {"axis": 1}),
    case("nansum", [X3], lambda x: jnp.sum(x, axis=-1), {"axis": -1}),
    case("nansum", [np.where(np.arange(12).reshape(S) % 5 == 2, np.nan, X)],
         lambda x: jnp.sum(jnp.where(jnp.isnan(x), 0.0, x), axis=0), {"axis": 0},
         tag="nan", num=False, num2=False),
    case("nanprod", [np.where(np.arange(12).reshape(S) % 5 == 2, np.nan, X)],
         lambda x: jnp.prod(jnp.where(jnp.isnan(x), 1.0, x), axis=1), {"axis": 1},
         tag="nan", num=False, num2=False),
    case("max", [D3], lambda x: jnp.max(x, axis=1), {"axis": 1}),
    case("min", [D3], lambda x: jnp.min(x, axis=(0, 2), keepdims=True),
         {"axis": (0, 2), "keepdims": True}),
    case("norm", [X], lambda x: full_reduce(jnp.sqrt(jnp.sum(x * x)))),
    case("norm", [X3], lambda x: jnp.sum(jnp.abs(x), axis=(0, 2), keepdims=True),
         {"ord": 1, "axis": (0, 2), "keepdims": True}, tag="ord1"),
)

# ----------------------------------------------------------------------------- shape
X4 = nz((1, 4, 2, 3), 40)
X6 = nz((1, 1, 4, 6), 41)


def _gather_ref(index: np.ndarray):
    """out = x.ravel()[index]: a reference for pure data movement (independent of the
    reshape/transpose formulation the operator may use)."""
    return lambda x: x.reshape(-1)[jnp.asarray(index)]


def _d2s_index(n, c, h, w, b):
    src = np.arange(n * c * h * w).reshape(n, c, h, w)
    co = c // (b * b)
    out = np.empty((n, co, h * b, w * b), np.int64)
    for i in range(b):
        for j in range(b):
            for k in range(co):
                out[:, k, i::b, j::b] = src[:, (i * b + j) * co + k]
    return out


def _s2d_index(n, c, h, w, b):
    src = np.arange(n * c * h * w).reshape(n, c, h, w)
    out = np.empty((n, c * b * b, h // b, w // b), np.int64)
    for i in range(b):
        for j in range(b):
            for k in range(c):
                out[:, (i * b + j) * c + k] = src[:, k, i::b, j::b]
    return out


add(
    case("Reshape", [X], lambda x: jnp.reshape(x, (2, 6)), {"shape": (2, 6)}),
    case("Reshape", [X3], lambda x: jnp.reshape(x, (6, 2)), {"shape": (-3, 0)}, tag="codes"),
    case("reshape_like", [X, nz((2, 6), 42)], lambda a, b: jnp.reshape(a, (2, 6))),
    case("Flatten", [X3], lambda x: jnp.reshape(x, (2, 6))),
    case("expand_dims", [X], lambda x: x[:, None, :], {"axis": 1}),
    case("squeeze", [nz((3, 1, 4), 43)], lambda x: x[:, 0, :], {"axis": 1}),
    case("transpose", [X3], lambda x: jnp.einsum("abc->cba", x)),
    case("transpose", [X3], lambda x: jnp.einsum("abc->bac", x), {"axes": (1, 0, 2)},
         tag="axes"),
    case("SwapAxis", [X3], lambda x: jnp.einsum("abc->cba", x), {"dim1": 0, "dim2": 2}),
    case("Concat", [X, nz((3, 2), 44)], lambda a, b: jnp.concatenate([a, b], axis=1),
         {"dim": 1}),
    case("stack", [X, Y], lambda a, b: jnp.stack([a, b], axis=1), {"axis": 1}),
    case("SliceChannel", [X], lambda x: (x[:, :2], x[:, 2:]), {"num_outputs": 2}),
    case("SliceChannel", [X], lambda x: (x[0], x[1], x[2]),
         {"num_outputs": 3, "axis": 0, "squeeze_axis": True}, tag="squeeze"),
    case("_split_v2", [X], lambda x: (x[:, :1], x[:, 1:3], x[:, 3:]),
         {"indices": (0, 1, 3), "axis": 1}),
    case("tile", [X], lambda x: jnp.concatenate([x, x], axis=0), {"reps": (2, 1)}),
    case("repeat", [X], lambda x: x[:, np.repeat(np.arange(4), 2)], {"repeats": 2,
                                                                       "axis": 1}),
    case("reverse", [X], lambda x: x[::-1], {"axis": 0}),
    case("slice", [X], lambda x: x[0:2, 1:3], {"begin": (0, 1), "end": (2, 3)}),
    case("slice", [X], lambda x: x[::2, 3:0:-2], {"begin": (None, 3), "end": (None, 0),
                                                  "step": (2, -2)}, tag="step"),
    case("slice_axis", [X], lambda x: x[:, 1:3], {"axis": 1, "begin": 1, "end": 3}),
    case("slice_like", [X, nz((2, 3), 45)], lambda a, b: a[:2, :3]),
    case("broadcast_to", [XR], lambda x: jnp.concatenate([x, x, x], 0), {"shape": (3, 4)}),
    case("broadcast_like", [XR, X], lambda a, b: a + jnp.zeros_like(b)),
    case("broadcast_axis", [nz(COL, 46)], lambda x: jnp.concatenate([x] * 4, axis=1),
         {"axis": 1, "size": 4}),
    case("Cast", [X], lambda x: x, {"dtype": "float64"}),
    case("Cast", [X], lambda x: x.astype(jnp.float32), {"dtype": "float32"}, tag="f32",
         rtol=1e-6, atol=1e-7, num=False, num2=False),
    case("diag", [X], lambda x: x[np.arange(3), np.arange(3)]),
    case("diag", [nz((3,), 47)], lambda v: jnp.zeros((3, 3), v.dtype).at[
        np.arange(3), np.arange(3)].set(v), tag="vector"),
    case("depth_to_space", [X4], _gather_ref(_d2s_index(1, 4, 2, 3, 2)), {"block_size": 2}),
    case("space_to_depth", [X6], _gather_ref(_s2d_index(1, 1, 4, 6, 2)), {"block_size": 2}),
)


# NDArray.__getitem__ (basic and advanced indexing); the key is the operator's static index
# structure: ints, None, ("s", start, stop, step) for slices, Advanced(i) for index arrays
from mxcompat.ops.shape import Advanced  # noqa: E402

add(
    case("_index", [X], lambda x: x[1, ::2],
         {"num_args": 1, "key": (1, ("s", None, None, 2)), "scalar_out": False}),
    case("_index", [X, np.array([2, 0, 2], np.int64)], lambda x, i: x[i, 1:3],
         {"num_args": 2, "key": (Advanced(0), ("s", 1, 3, None))}, tag="advanced"),
)


# ----------------------------------------------------------------------------- nn
def loss_head(forward, grad):
    """A loss layer as MXNet defines it: ``forward(data)``, and a gradient w.r.t. data of
    ``grad(data)`` whatever the head gradient (the label gets none)."""
    @jax.custom_vjp
    def f(x):
        return forward(x)

    def f_fwd(x):
        return forward(x), x

    def f_bwd(x, ct):
        return (grad(x),)

    f.defvjp(f_fwd, f_bwd)
    return f


def softmax_ref(x, axis=-1):
    e = jnp.exp(x - jnp.max(x, axis=axis, keepdims=True))
    return e / jnp.sum(e, axis=axis, keepdims=True)


def onehot_np(labels, k):
    return (np.asarray(labels, np.int64)[..., None] == np.arange(k)).astype(F64)


def _taps(n_in, n_out, k, stride, pad, dilate, transposed=False):
    """0/1 tensor T[i, a, o]: input position i meets kernel tap a at output position o.
    Convolution: i == o*stride + a*dilate - pad. Transposed: o == i*stride + a*dilate - pad.
    Positions outside the input are simply absent (zero padding)."""
    t = np.zeros((n_in, k, n_out))
    for i in range(n_in):
        for a in range(k):
            for o in range(n_out):
                if transposed:
                    hit = o == i * stride + a * dilate - pad
                else:
                    hit = i == o * stride + a * dilate - pad
                t[i, a, o] = 1.0 if hit else 0.0
    return t


def conv_ref(x, w, b=None, stride=(1, 1), pad=(0, 0), dilate=(1, 1), groups=1):
    """2-d convolution (cross-correlation) as one contraction with tap tensors."""
    n, c, h, wd = x.shape
    f, cg, kh, kw = w.shape
    oh = (h + 2 * pad[0] - dilate[0] * (kh - 1) - 1) // stride[0] + 1
    ow = (wd + 2 * pad[1] - dilate[1] * (kw - 1) - 1) // stride[1] + 1
    ty = _taps(h, oh, kh, stride[0], pad[0], dilate[0])
    tx = _taps(wd, ow, kw, stride[1], pad[1], dilate[1])
    xg = x.reshape(n, groups, c // groups, h, wd)
    wg = w.reshape(groups, f // groups, cg, kh, kw)
    out = jnp.einsum("ngcij,gfcab,iay,jbx->ngfyx", xg, wg, ty, tx).reshape(n, f, oh, ow)
    return out if b is None else out + b[None, :, None, None]


def deconv_ref(x, w, b=None, stride=(1, 1), pad=(0, 0), adj=(0, 0), dilate=(1, 1), groups=1):
    """2-d transposed convolution: every input pixel scatters its kernel into the output."""
    n, c, h, wd = x.shape
    _, fg, kh, kw = w.shape
    oh = (h - 1) * stride[0] + dilate[0] * (kh - 1) + 1 - 2 * pad[0] + adj[0]
    ow = (wd - 1) * stride[1] + dilate[1] * (kw - 1) + 1 - 2 * pad[1] + adj[1]
    ty = _taps(h, oh, kh, stride[0], pad[0], dilate[0], transposed=True)
    tx = _taps(wd, ow, kw, stride[1], pad[1], dilate[1], transposed=True)
    xg = x.reshape(n, groups, c // groups, h, wd)
    wg = w.reshape(groups, c // groups, fg, kh, kw)
    out = jnp.einsum("ngcij,gcfab,iay,jbx->ngfyx", xg, wg, ty, tx)
    out = out.reshape(n, groups * fg, oh, ow)
    return out if b is None else out + b[None, :, None, None]


def pool_ref(x, kernel, stride, pad=(0, 0), kind="max", p=2):
    """2-d pooling over explicit windows; padding counts as zeros (count_include_pad)."""
    (kh, kw), (s0, s1), (p0, p1) = kernel, stride, pad
    fill = -jnp.inf if kind == "max" else 0.0
    xp = jnp.pad(x, ((0, 0), (0, 0), (p0, p0), (p1, p1)), constant_values=fill)
    h, w = xp.shape[2], xp.shape[3]
    oh, ow = (h - kh) // s0 + 1, (w - kw) // s1 + 1
    wins = jnp.stack([xp[:, :, i: i + s0 * (oh - 1) + 1: s0, j: j + s1 * (ow - 1) + 1: s1]
                      for i in range(kh) for j in range(kw)])
    if kind == "max":
        return jnp.max(wins, axis=0)
    if kind == "sum":
        return jnp.sum(wins, axis=0)
    if kind == "avg":
        return jnp.sum(wins, axis=0) / (kh * kw)
    return jnp.sum(wins ** p, axis=0) ** (1.0 / p)


def roi_masks(shape, rois, pooled, scale):
    """Boolean bin masks (R, ph, pw, H, W) and the batch index of each roi (MXNet's rounding
    of the roi corners, floor/ceil bin edges, clipping to the image)."""
    _, _, hgt, wid = shape
    ph_n, pw_n = pooled
    masks = np.zeros((len(rois), ph_n, pw_n, hgt, wid), bool)
    for r, (_, x1, y1, x2, y2) in enumerate(rois):
        sw, sh = int(round(x1 * scale)), int(round(y1 * scale))
        ew, eh = int(round(x2 * scale)), int(round(y2 * scale))
        rh, rw = max(eh - sh + 1, 1), max(ew - sw + 1, 1)
        bh, bw = rh / ph_n, rw / pw_n
        for i in range(ph_n):
            for j in range(pw_n):
                hs = min(max(int(math.floor(i * bh)) + sh, 0), hgt)
                he = min(max(int(math.ceil((i + 1) * bh)) + sh, 0), hgt)
                ws_ = min(max(int(math.floor(j * bw)) + sw, 0), wid)
                we = min(max(int(math.ceil((j + 1) * bw)) + sw, 0), wid)
                masks[r, i, j, hs:he, ws_:we] = True
    return masks, np.asarray(rois[:, 0], np.int64)


def roi_ref(rois, pooled, scale, shape):
    masks, bidx = roi_masks(shape, rois, pooled, scale)

    def f(x, _rois):
        xs = x[bidx][:, :, None, None, :, :]                    # (R, C, 1, 1, H, W)
        m = jnp.asarray(masks)[:, None]                          # (R, 1, ph, pw, H, W)
        best = jnp.max(jnp.where(m, xs, -jnp.inf), axis=(-2, -1))
        return jnp.where(jnp.any(m, axis=(-2, -1)), best, 0.0)
    return f


def ctc_ref(label_np, blank=0):
    """CTC loss per batch element by the forward recursion over the extended label
    sequence; unreachable states are left out (no -inf anywhere)."""
    def f(data, _label):
        t_max, n, _ = data.shape
        logp = data - jax.scipy.special.logsumexp(data, axis=-1, keepdims=True)
        losses = []
        for b in range(n):
            lab = [int(v) for v in label_np[b] if int(v) != blank]
            ext = [blank]
            for v in lab:
                ext += [v, blank]
            alpha = [logp[0, b, ext[0]], logp[0, b, ext[1]]] + [None] * (len(ext) - 2)
            for t in range(1, t_max):
                new = []
                for s_, sym in enumerate(ext):
                    terms = [a for a in (alpha[s_], alpha[s_ - 1] if s_ >= 1 else None,
                                         alpha[s_ - 2] if s_ >= 2 and sym != blank
                                         and sym != ext[s_ - 2] else None) if a is not None]
                    new.append(jax.scipy.special.logsumexp(jnp.stack(terms)) + logp[t, b, sym]
                               if terms else None)
                alpha = new
            losses.append(-jnp.logaddexp(alpha[-1], alpha[-2]))
        return jnp.stack(losses)
    return f


N3 = nz((2, 3, 2), 50)       # (batch, channel, spatial)
IMG = nz((1, 2, 4, 4), 51)
IMG_D = distinct((1, 2, 4, 4), 52)
LAB3 = np.array([1.0, 0.0, 3.0])
ACTS = {
    "relu": lambda x: jnp.where(x > 0, x, 0.0),
    "sigmoid": _SIG,
    "tanh": jnp.tanh,
    "softrelu": lambda x: jnp.log(1.0 + jnp.exp(x)),
    "softsign": lambda x: x / (1 + jnp.abs(x)),
}
for _a, _f in ACTS.items():
    add(case("Activation", [X], _f, {"act_type": _a}, tag=_a, order2=_a == "softrelu"))

_SELU_L, _SELU_A = 1.0507009873554804934, 1.6732632423543772848
add(
    case("FullyConnected", [N3, nz((4, 6), 53), nz((4,), 54)],
         lambda x, w, b: x.reshape(2, 6) @ w.T + b, {"num_hidden": 4}),
    case("FullyConnected", [N3, nz((5, 2), 55)], lambda x, w: jnp.einsum("abc,dc->abd", x, w),
         {"num_hidden": 5, "no_bias": True, "flatten": False}, tag="noflatten"),
    case("LeakyReLU", [X], lambda x: jnp.where(x > 0, x, 0.1 * x), {"slope": 0.1},
         order2=False),  # piecewise linear
    case("LeakyReLU", [N3, pos((3,), 56, 0.1, 0.5)],
         lambda x, g: jnp.where(x > 0, x, x * g[None, :, None]), {"act_type": "prelu"},
         tag="prelu"),
    case("LeakyReLU", [X], lambda x: jnp.where(x > 0, x, 0.5 * (jnp.exp(x) - 1)),
         {"act_type": "elu", "slope": 0.5}, tag="elu"),
    # MXNet 1.9.1's selu backward for x <= 0 is lambda * (y + alpha), not the derivative
    # lambda * alpha * exp(x) = y + lambda * alpha; mxcompat (and this case) use the derivative
    case("LeakyReLU", [X], lambda x: _SELU_L * jnp.where(x > 0, x, _SELU_A * (jnp.exp(x) - 1)),
         {"act_type": "selu"}, tag="selu"),
    case("LeakyReLU", [X], lambda x: 0.5 * x * (1 + jss.erf(x / math.sqrt(2.0))),
         {"act_type": "gelu"}, tag="gelu"),
    # rrelu draws random slopes in training; in predict mode the slope is their mean (MXNet
    # 1.9.1's predict-mode backward multiplies by the output instead of the slope)
    case("LeakyReLU", [X], lambda x: (jnp.where(x > 0, x, x * 0.2), jnp.zeros_like(x)),
         {"act_type": "rrelu", "lower_bound": 0.1, "upper_bound": 0.3}, tag="rrelu-predict",
         train=False),
    # training-mode dropout is random: see test_dropout_training_gradient
    case("Dropout", [X], lambda x: x, {"p": 0.5}, tag="predict", train=False),
    case("Embedding", [np.array([[0.0, 2.0], [4.0, 2.0]]), nz((5, 3), 57)],
         lambda d, w: w[np.array([[0, 2], [4, 2]])],
         {"input_dim": 5, "output_dim": 3, "dtype": "float64"}, wrt=(1,)),
    case("softmax", [X], softmax_ref),
    case("softmax", [X, np.array([2, 4, 1], np.int64)],
         lambda x, ln: jnp.where(np.arange(4) < np.array([2, 4, 1])[:, None],
                                 softmax_ref(jnp.where(np.arange(4) < np.array([2, 4, 1])[:, None],
                                                       x, -1e30)), 0.0),
         {"use_length": True}, tag="length"),
    case("log_softmax", [X], lambda x: jnp.log(softmax_ref(x / 2.0, axis=0)),
         {"axis": 0, "temperature": 2.0}),
    case("softmin", [X], lambda x: softmax_ref(-x)),
    case("SoftmaxActivation", [X], softmax_ref),
    case("SoftmaxActivation", [N3], lambda x: softmax_ref(x, axis=1), {"mode": "channel"},
         tag="channel"),
    loss_case("SoftmaxOutput", [X, LAB3],
         lambda x, l: loss_head(softmax_ref, lambda d: softmax_ref(d) - onehot_np(LAB3, 4))(x),
         wrt=(0,)),
    loss_case("SoftmaxOutput", [X, LAB3],
         lambda x, l: loss_head(softmax_ref, lambda d: (softmax_ref(d) - onehot_np(LAB3, 4))
                                * (LAB3 != 0)[:, None] * (0.5 / 2.0))(x),
         {"use_ignore": True, "ignore_label": 0.0, "normalization": "valid", "grad_scale": 0.5},
         wrt=(0,),
         tag="ignore-valid"),
    loss_case("LinearRegressionOutput", [nz((3, 2), 58), nz((3, 2), 59)],
         lambda x, l: loss_head(lambda d: d, lambda d: (d - nz((3, 2), 59)) * (2.0 / 2))(x),
         {"grad_scale": 2.0}, wrt=(0,)),
    loss_case("LogisticRegressionOutput", [nz((3, 2), 58), pos((3, 2), 60, 0.0, 1.0)],
         lambda x, l: loss_head(_SIG, lambda d: (_SIG(d) - pos((3, 2), 60, 0.0, 1.0)) / 2)(x),
         wrt=(0,)),
    loss_case("MAERegressionOutput", [nz((3, 2), 58), nz((3, 2), 61)],
         lambda x, l: loss_head(lambda d: d, lambda d: jnp.sign(d - nz((3, 2), 61)) / 2)(x),
         wrt=(0,)),
    case("softmax_cross_entropy", [X, LAB3],
         lambda x, l: -jnp.sum(jnp.log(softmax_ref(x)) * onehot_np(LAB3, 4)).reshape(1),
         wrt=(0,)),
)

_SEQ = nz((4, 3, 2), 62)                  # (T, batch, feature)
_SLEN = np.array([2.0, 4.0, 1.0])
_TMASK = np.arange(4)[:, None] < _SLEN[None, :]          # (T, batch)
_REV = np.array([[(l - 1 - t) if t < l else t for l in (2, 4, 1)] for t in range(4)])
add(
    case("SequenceMask", [_SEQ, _SLEN],
         lambda x, l: jnp.where(_TMASK[:, :, None], x, -1.0),
         {"use_sequence_length": True, "value": -1.0}, wrt=(0,)),
    case("SequenceMask", [_SEQ.transpose(1, 0, 2), _SLEN],
         lambda x, l: jnp.where(_TMASK.T[:, :, None], x, 0.0),
         {"use_sequence_length": True, "axis": 1}, wrt=(0,), tag="axis1"),
    case("SequenceLast", [_SEQ, _SLEN], lambda x, l: x[np.array([1, 3, 0]), np.arange(3)],
         {"use_sequence_length": True}, wrt=(0,)),
    case("SequenceReverse", [_SEQ, _SLEN], lambda x, l: x[_REV, np.arange(3)[None, :]],
         {"use_sequence_length": True}, wrt=(0,)),
    case("UpSampling", [nz((1, 2, 2, 3), 63)],
         lambda x: jnp.repeat(jnp.repeat(x, 2, axis=2), 2, axis=3),
         {"scale": 2, "sample_type": "nearest", "num_args": 1}),
    case("UpSampling", [nz((1, 1, 2, 2), 64), nz((1, 1, 4, 4), 65)],
         lambda a, b: jnp.concatenate([jnp.repeat(jnp.repeat(a, 2, axis=2), 2, axis=3), b], 1),
         {"scale": 2, "sample_type": "nearest", "num_args": 2}, tag="concat"),
    case("UpSampling", [nz((1, 2, 2, 2), 66), nz((2, 1, 4, 4), 67)],
         lambda x, w: deconv_ref(x, w, stride=(2, 2), pad=(1, 1), groups=2),
         {"scale": 2, "sample_type": "bilinear", "num_filter": 2, "num_args": 2},
         tag="bilinear"),
    # second order through the loss's lax.scan costs ~3 s of compilation: first order only
    case("CTCLoss", [nz((4, 2, 3), 68), np.array([[1.0, 2.0], [2.0, 2.0]])],
         ctc_ref(np.array([[1, 2], [2, 2]])), wrt=(0,), rtol=1e-6, order2=False),
)

# convolution and pooling
add(
    case("Convolution", [IMG, nz((3, 2, 3, 3), 70), nz((3,), 71)],
         lambda x, w, b: conv_ref(x, w, b, pad=(1, 1)),
         {"kernel": (3, 3), "num_filter": 3, "pad": (1, 1)}),
    case("Convolution", [nz((1, 2, 5, 5), 72), nz((4, 1, 2, 2), 73)],
         lambda x, w: conv_ref(x, w, stride=(2, 2), dilate=(2, 2), groups=2),
         {"kernel": (2, 2), "num_filter": 4, "stride": (2, 2), "dilate": (2, 2),
          "num_group": 2, "no_bias": True}, tag="group-dilate-stride"),
    case("Deconvolution", [nz((1, 2, 3, 3), 74), nz((2, 3, 3, 3), 75), nz((3,), 76)],
         lambda x, w, b: deconv_ref(x, w, b, stride=(2, 2), pad=(1, 1), adj=(1, 1)),
         {"kernel": (3, 3), "num_filter": 3, "stride": (2, 2), "pad": (1, 1), "adj": (1, 1),
          "no_bias": False}),
    case("Deconvolution", [nz((1, 2, 3, 3), 77), nz((2, 1, 2, 2), 78)],
         lambda x, w: deconv_ref(x, w, dilate=(2, 2), groups=2),
         {"kernel": (2, 2), "num_filter": 2, "dilate": (2, 2), "num_group": 2},
         tag="group-dilate"),
    case("Pooling", [IMG_D], lambda x: pool_ref(x, (2, 2), (2, 2)),
         {"kernel": (2, 2), "stride": (2, 2), "pool_type": "max"}),
    case("Pooling", [IMG], lambda x: pool_ref(x, (3, 3), (1, 1), (1, 1), "avg"),
         {"kernel": (3, 3), "stride": (1, 1), "pad": (1, 1), "pool_type": "avg"}, tag="avg"),
    case("Pooling", [IMG], lambda x: pool_ref(x, (2, 2), (1, 1), kind="sum"),
         {"kernel": (2, 2), "stride": (1, 1), "pool_type": "sum"}, tag="sum"),
    case("Pooling", [IMG], lambda x: pool_ref(x, (2, 2), (2, 2), kind="lp", p=2),
         {"kernel": (2, 2), "stride": (2, 2), "pool_type": "lp", "p_value": 2}, tag="lp"),
    case("Pooling", [IMG], lambda x: jnp.mean(x, axis=(2, 3), keepdims=True),
         {"kernel": (1, 1), "global_pool": True, "pool_type": "avg"}, tag="global-avg"),
    case("ROIPooling", [IMG_D, np.array([[0.0, 0.0, 0.0, 2.0, 3.0], [0.0, 1.0, 1.0, 3.0, 3.0]])],
         roi_ref(np.array([[0.0, 0.0, 0.0, 2.0, 3.0], [0.0, 1.0, 1.0, 3.0, 3.0]]), (2, 2), 1.0,
                 (1, 2, 4, 4)),
         {"pooled_size": (2, 2), "spatial_scale": 1.0}, wrt=(0,)),
)


# normalisation
def _bn_ref(x, g, b, eps, axes=(0, 2)):
    mean = jnp.mean(x, axis=axes, keepdims=True)
    var = jnp.mean((x - mean) ** 2, axis=axes, keepdims=True)
    return (x - mean) / jnp.sqrt(var + eps) * g[None, :, None] + b[None, :, None]


_G3, _B3 = pos((3,), 80), nz((3,), 81)
_MM, _MV = nz((3,), 82), pos((3,), 83)
add(
    case("BatchNorm", [N3, _G3, _B3, _MM, _MV],
         lambda x, g, b, mm, mv: _bn_ref(x, g, b, 1e-3), {"fix_gamma": False}, wrt=(0, 1, 2)),
    case("BatchNorm", [N3, _G3, _B3, _MM, _MV],
         lambda x, g, b, mm, mv: _bn_ref(x, lax.stop_gradient(g) * 0 + 1.0, b, 1e-3),
         wrt=(0, 1, 2), tag="fix_gamma"),
    case("BatchNorm", [N3, _G3, _B3, _MM, _MV],
         lambda x, g, b, mm, mv: (x - mm[None, :, None]) / jnp.sqrt(mv[None, :, None] + 1e-3)
         * g[None, :, None] + b[None, :, None],
         {"fix_gamma": False}, wrt=(0, 1, 2), tag="predict", train=False),
    case("LayerNorm", [X, pos((4,), 84), nz((4,), 85)],
         lambda x, g, b: (x - jnp.mean(x, -1, keepdims=True))
         / jnp.sqrt(jnp.var(x, -1, keepdims=True) + 1e-5) * g + b),
    # head gradients on the mean and std outputs flow back here (the derivative); MXNet
    # 1.9.1 ignores them (LayerNorm, GroupNorm and BatchNorm alike)
    case("LayerNorm", [N3, pos((3,), 86), nz((3,), 87)],
         lambda x, g, b: ((x - jnp.mean(x, 1, keepdims=True))
                          / jnp.sqrt(jnp.var(x, 1, keepdims=True) + 1e-5)
                          * g[:, None] + b[:, None],
                          jnp.mean(x, 1, keepdims=True),
                          jnp.sqrt(jnp.var(x, 1, keepdims=True) + 1e-5)),
         {"axis": 1, "output_mean_var": True}, tag="axis1-mean-var"),
    case("InstanceNorm", [N3, _G3, _B3],
         lambda x, g, b: (x - jnp.mean(x, 2, keepdims=True))
         / jnp.sqrt(jnp.var(x, 2, keepdims=True) + 1e-3) * g[None, :, None] + b[None, :, None]),
    case("GroupNorm", [nz((2, 4, 3), 88), pos((2,), 89), nz((2,), 90)],
         lambda x, g, b: (((x.reshape(2, 2, 6) - jnp.mean(x.reshape(2, 2, 6), 2, keepdims=True))
                          / jnp.sqrt(jnp.var(x.reshape(2, 2, 6), 2, keepdims=True) + 1e-5))
                          * g[None, :, None] + b[None, :, None]).reshape(2, 4, 3),
         {"num_groups": 2}),
    case("L2Normalization", [N3],
         lambda x: x / jnp.sqrt(jnp.sum(x * x, axis=(1, 2), keepdims=True) + 1e-10)),
    case("L2Normalization", [N3],
         lambda x: x / jnp.sqrt(jnp.sum(x * x, axis=1, keepdims=True) + 1e-10),
         {"mode": "channel"}, tag="channel"),
    case("LRN", [nz((1, 4, 2, 2), 91)],
         lambda x: x / (2.0 + 0.5 / 3 * sum(
             jnp.pad(x * x, ((0, 0), (1, 1), (0, 0), (0, 0)))[:, k: k + 4] for k in range(3)))
         ** 0.75, {"nsize": 3, "alpha": 0.5, "beta": 0.75, "knorm": 2.0}),
)

# ----------------------------------------------------------------------------- indexing
_IDX2 = np.array([[0.0, 3.0], [2.0, 0.0]])
add(
    case("take", [nz((4, 3), 100), _IDX2], lambda a, i: a[np.array([[0, 3], [2, 0]])],
         wrt=(0,)),
    case("take", [X, np.array([-1.0, 5.0, 1.0])], lambda a, i: a[:, np.array([3, 1, 1])],
         {"axis": 1, "mode": "wrap"}, wrt=(0,), tag="wrap"),
    case("pick", [X, np.array([1.0, 0.0, 3.0])], lambda x, i: x[np.arange(3), [1, 0, 3]],
         wrt=(0,)),
    case("pick", [X, np.array([[2.0, 0.0, 1.0, 2.0]])],
         lambda x, i: x[np.array([2, 0, 1, 2]), np.arange(4)][None, :],
         {"axis": 0, "keepdims": True}, wrt=(0,), tag="axis0-keepdims"),
    case("fill_element_0index", [X, nz((3,), 101), np.array([1.0, 0.0, 3.0])],
         lambda l, m, r: l.at[np.arange(3), np.array([1, 0, 3])].set(m), wrt=(0, 1)),
    case("where", [(rs(102).uniform(size=S) < 0.5).astype(F64), X, Y],
         lambda c, x, y: jnp.where(c != 0, x, y), wrt=(1, 2)),
    case("where", [np.array([1.0, 0.0, 1.0]), X, Y],
         lambda c, x, y: jnp.where(np.array([True, False, True])[:, None], x, y), wrt=(1, 2),
         tag="rows"),
    case("gather_nd", [X, np.array([[0.0, 2.0, 0.0], [1.0, 3.0, 1.0]])],
         lambda x, i: x[np.array([0, 2, 0]), np.array([1, 3, 1])], wrt=(0,)),
    case("scatter_nd", [nz((3,), 103), np.array([[0.0, 2.0, 1.0], [1.0, 3.0, 0.0]])],
         lambda d, i: jnp.zeros(S).at[np.array([0, 2, 1]), np.array([1, 3, 0])].set(d),
         {"shape": S}, wrt=(0,)),
    case("batch_take", [X, np.array([3, 0, 2], np.int32)],
         lambda a, i: a[np.arange(3), np.array([3, 0, 2])], wrt=(0,)),
)

# ----------------------------------------------------------------------------- sorting
_DS = distinct(S, 110)
add(
    case("sort", [_DS], lambda x: jnp.sort(x, axis=-1)),
    case("sort", [_DS], lambda x: -jnp.sort(-x, axis=0), {"axis": 0, "is_ascend": False},
         tag="axis0-descend"),
    case("topk", [_DS], lambda x: -jnp.sort(-x, axis=-1)[:, :2], {"k": 2, "ret_typ": "value"}),
    case("topk", [_DS], lambda x: (jnp.sort(x, axis=0)[:2],
                                   jnp.argsort(x, axis=0)[:2].astype(jnp.float32)),
         {"k": 2, "axis": 0, "ret_typ": "both", "is_ascend": True}, tag="both"),
)

# ----------------------------------------------------------------------------- linalg / matrix
_SPD = np.array([[4.0, 1.0, 0.5], [1.0, 3.0, 0.2], [0.5, 0.2, 2.0]])
_LOW = np.array([[2.0, 9.0, 9.0], [0.5, 1.5, 9.0], [-0.3, 0.4, 1.2]])   # upper part unread
_UPP = _LOW.T.copy()
_SQ2 = np.stack([np.eye(3) * 2 + nz((3, 3), 120) * 0.5, np.eye(3) * -1.5 + nz((3, 3), 121) * 0.5])


def _syevd_ref(a):
    w, v = jnp.linalg.eigh((a + a.T) / 2)
    u = v.T
    big = jnp.take_along_axis(u, jnp.argmax(jnp.abs(u), axis=1)[:, None], axis=1)
    return u * jnp.sign(big), w


def _gelqf_ref(a):
    q, r = jnp.linalg.qr(a.T)
    return q.T, r.T


def _tri_pack(n, lower):
    """Packing order of extracttrian/maketrian: a lower triangle row by row, an upper one
    column by column."""
    r, c = np.tril_indices(n)
    return (r, c) if lower else (c, r)


_TP_L, _TP_U = _tri_pack(3, True), _tri_pack(3, False)
add(
    case("_linalg_gemm", [nz((2, 3), 122), nz((3, 4), 123), nz((2, 4), 124)],
         lambda a, b, c: 0.7 * a @ b + 1.5 * c, {"alpha": 0.7, "beta": 1.5}),
    case("_linalg_gemm", [nz((2, 3, 2), 125), nz((2, 4, 3), 126), nz((2, 2, 4), 127)],
         lambda a, b, c: jnp.einsum("bki,bjk->bij", a, b) + c,
         {"transpose_a": True, "transpose_b": True}, tag="batch-transpose"),
    case("_linalg_gemm2", [nz((2, 3), 122), nz((4, 3), 128)], lambda a, b: 2.0 * a @ b.T,
         {"transpose_b": True, "alpha": 2.0}),
    case("_linalg_potrf", [_SPD], jnp.linalg.cholesky, sym=(0,)),
    case("_linalg_potri", [_LOW], lambda a: jnp.linalg.inv(jnp.tril(a) @ jnp.tril(a).T)),
    case("_linalg_trsm", [_LOW, nz((3, 2), 129)],
         lambda a, b: jnp.linalg.solve(jnp.tril(a), b)),
    case("_linalg_trsm", [_UPP, nz((2, 3), 130)],
         lambda a, b: jnp.linalg.solve(jnp.triu(a), 0.5 * b.T).T,
         {"rightside": True, "transpose": True, "lower": False, "alpha": 0.5},
         tag="right-transpose-upper"),
    case("_linalg_trmm", [_LOW, nz((3, 2), 131)], lambda a, b: jnp.tril(a) @ b),
    case("_linalg_trmm", [_UPP, nz((2, 3), 132)], lambda a, b: 0.5 * b @ jnp.triu(a).T,
         {"rightside": True, "transpose": True, "lower": False, "alpha": 0.5},
         tag="right-transpose-upper"),
    case("_linalg_sumlogdiag", [np.stack([_SPD, _LOW])],
         lambda a: jnp.sum(jnp.log(jnp.diagonal(a, axis1=1, axis2=2)), axis=1)),
    case("_linalg_syrk", [nz((2, 3), 133)], lambda a: 0.5 * a @ a.T, {"alpha": 0.5}),
    case("_linalg_syrk", [nz((2, 3), 133)], lambda a: a.T @ a, {"transpose": True},
         tag="transpose"),
    case("_linalg_gelqf", [np.array([[1.0, 2.0, 0.5], [0.3, -1.0, 2.0]])], _gelqf_ref,
         rtol=1e-6),
    case("_linalg_syevd", [_SPD], _syevd_ref, sym=(0,), rtol=1e-6),
    case("_linalg_inverse", [_SQ2], lambda a: jnp.linalg.solve(a, jnp.broadcast_to(
        jnp.eye(3), a.shape))),
    case("_linalg_det", [_SQ2], lambda a: jnp.linalg.det(a)),
    case("_linalg_slogdet", [_SQ2], lambda a: (jnp.sign(jnp.linalg.det(a)),
                                               jnp.log(jnp.abs(jnp.linalg.det(a))))),
    case("_linalg_extractdiag", [_SQ2], lambda a: a[:, np.arange(2), np.arange(2) + 1],
         {"offset": 1}),
    case("_linalg_makediag", [nz((2, 3), 134)],
         lambda v: jnp.zeros((2, 4, 4)).at[:, np.arange(3) + 1, np.arange(3)].set(v),
         {"offset": -1}),
    case("_linalg_extracttrian", [_SQ2], lambda a: a[:, _TP_L[0], _TP_L[1]]),
    case("_linalg_extracttrian", [_SQ2], lambda a: a[:, _TP_U[0], _TP_U[1]],
         {"lower": False}, tag="upper"),
    case("_linalg_maketrian", [nz((2, 6), 135)],
         lambda v: jnp.zeros((2, 3, 3)).at[:, _TP_L[0], _TP_L[1]].set(v)),
    case("_linalg_maketrian", [nz((2, 6), 135)],
         lambda v: jnp.zeros((2, 3, 3)).at[:, _TP_U[0], _TP_U[1]].set(v), {"lower": False},
         tag="upper"),
    case("dot", [X, nz((4, 2), 136)], lambda a, b: jnp.einsum("ij,jk->ik", a, b)),
    case("dot", [N3, nz((2, 5), 138)], lambda a, b: jnp.einsum("abc,cd->abd", a, b),
         tag="3d"),
    case("batch_dot", [nz((2, 3, 4), 139), nz((2, 4, 2), 140)],
         lambda a, b: jnp.einsum("bij,bjk->bik", a, b)),
    case("batch_dot", [nz((2, 4, 3), 141), nz((2, 2, 4), 142)],
         lambda a, b: jnp.einsum("bji,bkj->bik", a, b),
         {"transpose_a": True, "transpose_b": True}, tag="transpose"),
    case("khatri_rao", [nz((2, 3), 143), nz((4, 3), 144)],
         lambda a, b: (a[:, None, :] * b[None, :, :]).reshape(8, 3)),
    case("Pad", [nz((1, 1, 2, 3), 145)],
         lambda x: jnp.concatenate([jnp.full((1, 1, 1, 6), 0.5), jnp.concatenate(
             [jnp.full((1, 1, 2, 2), 0.5), x, jnp.full((1, 1, 2, 1), 0.5)], 3),
             jnp.full((1, 1, 1, 6), 0.5)], 2),
         {"mode": "constant", "pad_width": (0, 0, 0, 0, 1, 1, 2, 1), "constant_value": 0.5}),
    case("Pad", [nz((1, 1, 2, 3), 146)],
         lambda x: x[:, :, np.array([0, 0, 1, 1])][:, :, :, np.array([0, 0, 0, 1, 2, 2])],
         {"mode": "edge", "pad_width": (0, 0, 0, 0, 1, 1, 2, 1)}, tag="edge"),
    case("Pad", [nz((1, 1, 3, 3), 147)],
         lambda x: x[:, :, np.array([1, 0, 1, 2, 1])][:, :, :, np.array([2, 1, 0, 1, 2, 1])],
         {"mode": "reflect", "pad_width": (0, 0, 0, 0, 1, 1, 2, 1)}, tag="reflect"),
)


# ----------------------------------------------------------------------------- fused RNN
def rnn_ref(mode, layers, dirs, hidden, lengths=None):
    """Reference for the fused RNN operator: explicit slicing of MXNet's flat packing and
    a Python loop over the (few) time steps. Returns f(x, params, h0[, c0])."""
    ngate = {"rnn_tanh": 1, "rnn_relu": 1, "lstm": 4, "gru": 3}[mode]
    sig = jax.nn.sigmoid

    def cell(x, h, c, wx, wh, bx, bh):
        a, b = wx @ x.T + bx[:, None], wh @ h.T + bh[:, None]     # (G*H, N)
        if mode == "rnn_tanh":
            return jnp.tanh(a + b).T, c
        if mode == "rnn_relu":
            return jnp.maximum(a + b, 0.0).T, c
        if mode == "lstm":
            i, f, g, o = [(a + b)[k * hidden:(k + 1) * hidden].T for k in range(4)]
            c = sig(f) * c + sig(i) * jnp.tanh(g)
            return sig(o) * jnp.tanh(c), c
        r = sig(a[:hidden] + b[:hidden]).T
        z = sig(a[hidden:2 * hidden] + b[hidden:2 * hidden]).T
        n = jnp.tanh(a[2 * hidden:].T + r * b[2 * hidden:].T)
        return (1 - z) * n + z * h, c

    def f(x, params, h0, c0=None):
        t_len, n = x.shape[0], x.shape[1]
        steps = [list(range(t_len)) if lengths is None else
                 [t for t in range(t_len) if t < lengths[b]] for b in range(n)]
        pos, ws, bs = 0, [], []
        for layer in range(layers):
            ins = x.shape[2] if layer == 0 else hidden * dirs
            for _ in range(dirs):
                wx = params[pos:pos + ngate * hidden * ins].reshape(ngate * hidden, ins)
                pos += ngate * hidden * ins
                wh = params[pos:pos + ngate * hidden * hidden].reshape(ngate * hidden, hidden)
                pos += ngate * hidden * hidden
                ws.append((wx, wh))
        for _ in range(layers * dirs):
            bs.append((params[pos:pos + ngate * hidden],
                       params[pos + ngate * hidden:pos + 2 * ngate * hidden]))
            pos += 2 * ngate * hidden
        seq, hs, cs = x, [], []
        for layer in range(layers):
            outs = []
            for d in range(dirs):
                k = layer * dirs + d
                rows, hfin, cfin = [], [], []
                for b in range(n):  # one sequence at a time: lengths differ
                    h = h0[k, b:b + 1]
                    c = c0[k, b:b + 1] if c0 is not None else None
                    order = steps[b] if d == 0 else steps[b][::-1]
                    col = {}
                    for t in order:
                        h, c = cell(seq[t, b:b + 1], h, c, *ws[k], *bs[k])
                        col[t] = h[0]
                    rows.append(jnp.stack([col.get(t, jnp.zeros(hidden, x.dtype))
                                           for t in range(t_len)]))
                    hfin.append(h[0])
                    cfin.append(c[0] if c is not None else None)
                outs.append(jnp.stack(rows, 1))
                hs.append(jnp.stack(hfin))
                if c0 is not None:
                    cs.append(jnp.stack(cfin))
            seq = jnp.concatenate(outs, -1)
        res = (seq, jnp.stack(hs))
        return res + (jnp.stack(cs),) if c0 is not None else res
    return f


def param_size_rnn(mode, layers, inputs, hidden, dirs=1):
    """Length of MXNet's flat RNN parameter vector (weights, then biases)."""
    g = {"rnn_tanh": 1, "rnn_relu": 1, "lstm": 4, "gru": 3}[mode]
    return sum(dirs * g * hidden * ((inputs if k == 0 else hidden * dirs) + hidden + 2)
               for k in range(layers))


_RX = nz((3, 2, 3), 150)
add(
    case("RNN", [_RX, uni((param_size_rnn("gru", 1, 3, 2),), 151), nz((1, 2, 2), 152, 0.1, 0.5)],
         rnn_ref("gru", 1, 1, 2),
         {"state_size": 2, "num_layers": 1, "mode": "gru", "state_outputs": True}),
    case("RNN", [_RX, uni((param_size_rnn("lstm", 2, 3, 2, 2),), 153),
                 nz((4, 2, 2), 154, 0.1, 0.5), nz((4, 2, 2), 155, 0.1, 0.5)],
         rnn_ref("lstm", 2, 2, 2),
         {"state_size": 2, "num_layers": 2, "bidirectional": True, "mode": "lstm",
          "state_outputs": True}, tag="lstm-2layer-bidir"),
    case("RNN", [_RX, uni((param_size_rnn("rnn_tanh", 1, 3, 2, 2),), 156),
                 nz((2, 2, 2), 157, 0.1, 0.5)],
         lambda x, p, h: rnn_ref("rnn_tanh", 1, 2, 2)(x, p, h)[0],
         {"state_size": 2, "num_layers": 1, "bidirectional": True, "mode": "rnn_tanh"},
         tag="tanh-bidir"),
    # relu: every pre-activation stays away from 0 (smallest |a| is about 0.009, far above
    # the central-difference step)
    case("RNN", [_RX, uni((param_size_rnn("rnn_relu", 1, 3, 2),), 158),
                 nz((1, 2, 2), 159, 0.1, 0.5)],
         rnn_ref("rnn_relu", 1, 1, 2),
         {"state_size": 2, "num_layers": 1, "mode": "rnn_relu", "state_outputs": True},
         tag="relu"),
    case("RNN", [_RX, uni((param_size_rnn("gru", 1, 3, 2, 2),), 160),
                 nz((2, 2, 2), 161, 0.1, 0.5), np.array([2.0, 3.0])],
         lambda x, p, h, ln: rnn_ref("gru", 1, 2, 2, lengths=(2, 3))(x, p, h),
         {"state_size": 2, "num_layers": 1, "bidirectional": True, "mode": "gru",
          "state_outputs": True, "use_sequence_length": True}, wrt=(0, 1, 2),
         tag="gru-length"),
    # dropout between layers is random in training: predict mode here (see test_rnn_op.py)
    case("RNN", [_RX, uni((param_size_rnn("rnn_tanh", 2, 3, 2),), 162),
                 nz((2, 2, 2), 163, 0.1, 0.5)],
         lambda x, p, h: rnn_ref("rnn_tanh", 2, 1, 2)(x, p, h)[0],
         {"state_size": 2, "num_layers": 2, "mode": "rnn_tanh", "p": 0.5}, tag="dropout-predict",
         train=False),
)


# ----------------------------------------------------------------------------- policies
# Operators linear in every differentiable input (data movement, sums, selections): the
# second derivative is identically zero, so the second-order check only shows that
# create_graph runs through them. It is kept for the cases in LINEAR_KEEP_ORDER2 and
# skipped for the rest (two compilations each).
LINEAR = {
    "broadcast_add", "broadcast_sub", "elemwise_add", "elemwise_sub", "add_n", "_plus_scalar",
    "_minus_scalar", "_rminus_scalar", "_mul_scalar", "_div_scalar", "negative", "degrees",
    "radians", "_copy", "BlockGrad", "sum", "mean", "nansum", "Reshape", "reshape_like",
    "Flatten", "expand_dims", "squeeze", "transpose", "SwapAxis", "Concat", "stack",
    "SliceChannel", "tile", "repeat", "reverse", "slice", "slice_axis", "slice_like",
    "broadcast_to", "broadcast_like", "broadcast_axis", "Cast", "diag", "depth_to_space",
    "space_to_depth", "_index", "Embedding", "take", "pick", "gather_nd", "scatter_nd",
    "batch_take", "fill_element_0index", "where", "SequenceMask", "SequenceLast",
    "SequenceReverse", "Pad", "_linalg_extractdiag", "_linalg_makediag",
    "_linalg_extracttrian", "_linalg_maketrian", "Dropout",
}
LINEAR_KEEP_ORDER2 = {"broadcast_add", "sum-axis", "Reshape", "Concat", "SliceChannel", "take",
                      "_index-advanced", "where"}

# Piecewise linear operators (max, abs, clip, mod, sorting, max pooling...): the second
# derivative is zero wherever it exists. Same treatment as LINEAR.
PIECEWISE_LINEAR = {
    "broadcast_mod", "broadcast_maximum", "broadcast_minimum", "_maximum", "_minimum", "_mod",
    "_mod_scalar", "_rmod_scalar", "_maximum_scalar", "_minimum_scalar", "abs", "relu",
    "hard_sigmoid", "clip", "max", "min", "sort", "topk", "Pooling", "ROIPooling",
    "MAERegressionOutput",
}
PIECEWISE_KEEP_ORDER2 = {"relu", "max", "Pooling"}

# An operator with several cases (attribute variants) gets the second-order check on its
# first case; the variants are covered to first order. Families whose attribute selects a
# different function keep it on the cases listed here (Activation's relu, sigmoid, tanh and
# softsign are the same functions as the unary operators of those names).
ORDER2_VARIANTS = {"Activation-softrelu", "LeakyReLU-prelu", "LeakyReLU-elu", "LeakyReLU-selu",
                   "LeakyReLU-gelu", "gamma-negative"}

_seen_ops: set = set()
for _c in CASES:
    if _c.op in LINEAR and _c.id not in LINEAR_KEEP_ORDER2:
        _c.order2 = False
    if _c.op in PIECEWISE_LINEAR and _c.id not in PIECEWISE_KEEP_ORDER2:
        _c.order2 = False
    if _c.op in _seen_ops and _c.id not in ORDER2_VARIANTS:
        _c.order2 = False
    _seen_ops.add(_c.op)


# ----------------------------------------------------------------------------- exclusions
# Differentiable operators deliberately left out of the table, each with the reason.
_SLOW_SAMPLER = ("random sampler built on a rejection loop (1-2.5 s to compile); its gradient "
                 "is zero by construction, as for the uniform/normal/exponential samplers, "
                 "which are tested (test_random_operator_gradient)")
EXCLUDED: dict[str, str] = {
    "_contrib_boolean_mask": "raises NotImplementedError in mxcompat (the output shape "
                             "depends on the data)",
    **{f"{kind}_{dist}{suffix}": _SLOW_SAMPLER
       for dist in ("gamma", "poisson", "negative_binomial", "generalized_negative_binomial")
       for kind, suffix in (("_random", "_like"), ("_sample", ""))},
}
# Random operators (``needs_key``) without a table case have no fixed output to compare;
# test_gradients.test_random_operator_gradient checks, for each of them, a gradient property
# that holds for every draw (zero for samplers, the permutation for shuffle, 1/p for the
# multinomial log-probability). Dropout and rrelu have predict-mode table cases plus
# training-mode property tests.


# ----------------------------------------------------------------------------- zero-gradient ops
@dataclass
class ZCase:
    """A non-differentiable operator: called on ``inputs``; the gradient w.r.t. every float
    input must be zero (MXNet records these and gives zeros)."""
    op: str
    inputs: Sequence[np.ndarray]
    attrs: dict = field(default_factory=dict)
    tag: str = ""

    @property
    def id(self) -> str:
        return self.op + (f"-{self.tag}" if self.tag else "")


ZCASES: list[ZCase] = []


def zcase(op, inputs, attrs=None, tag="") -> None:
    ZCASES.append(ZCase(op, list(inputs), dict(attrs or {}), tag))


for _n in ("equal", "not_equal", "greater", "greater_equal", "lesser", "lesser_equal",
           "logical_and", "logical_or", "logical_xor"):
    zcase(f"broadcast_{_n}", [X, XR])
    zcase(f"_{_n}", [X, Y])
    zcase(f"_{_n}_scalar", [X], {"scalar": 0.25})
for _n in ("sign", "round", "rint", "ceil", "floor", "trunc", "fix", "logical_not",
           "zeros_like", "ones_like", "argmax_channel", "shape_array", "size_array"):
    zcase(_n, [X * 3])
zcase("argmax", [X], {"axis": 1})
zcase("argsort", [X])
zcase("one_hot", [np.array([0.0, 2.0, 1.0])], {"depth": 3})
zcase("_histogram", [X], {"bin_cnt": 3, "range": (-1.0, 1.0)})
zcase("_ravel_multi_index", [np.array([[0.0, 1.0, 2.0], [1.0, 0.0, 3.0]])], {"shape": (3, 4)})
zcase("_unravel_index", [np.array([0.0, 5.0, 11.0])], {"shape": (3, 4)})
zcase("argmin", [X], {"axis": 0})
add(case("_rnn_param_concat", [X, Y], lambda a, b: jnp.concatenate([a, b], axis=0),
         {"num_args": 2, "dim": 0}))

# image operators with gradients (even sizes: MXNet's flips zero the middle row/column of
# odd sizes, which the references below do not model)
_IMG_D = nz((4, 6, 3), 43)
add(
    case("_image_normalize", [nz((3, 4, 6), 44)],
         lambda x: (x - jnp.array([0.125, 0.25, 0.5])[:, None, None])
         / jnp.array([1.0, 2.0, 4.0])[:, None, None],
         {"mean": (0.125, 0.25, 0.5), "std": (1.0, 2.0, 4.0)}),
    case("_image_crop", [_IMG_D], lambda x: x[1:3, 2:5], {"x": 2, "y": 1, "width": 3,
                                                          "height": 2}),
    case("_image_flip_left_right", [_IMG_D], lambda x: x[:, ::-1]),
    case("_image_flip_top_bottom", [_IMG_D], lambda x: x[::-1]),
)
# image operators (mx.nd.image): HWC images
_IMG = pos((4, 6, 3), 41)
_CHW = pos((3, 4, 6), 42)
zcase("_image_to_tensor", [_IMG])
zcase("_image_resize", [_IMG], {"size": (3, 2)})
zcase("_image_adjust_lighting", [_IMG], {"alpha": (0.1, 0.2, 0.3)})
zcase("_image_random_brightness", [_IMG], {"min_factor": 0.5, "max_factor": 1.5})
zcase("_image_random_contrast", [_IMG], {"min_factor": 0.5, "max_factor": 1.5})
zcase("_image_random_saturation", [_IMG], {"min_factor": 0.5, "max_factor": 1.5})
zcase("_image_random_hue", [_IMG], {"min_factor": -0.1, "max_factor": 0.1})
zcase("_image_random_color_jitter", [_IMG], {"brightness": 0.2, "contrast": 0.2,
                                             "saturation": 0.2, "hue": 0.1})
zcase("_image_random_lighting", [_IMG], {"alpha_std": 0.05})
# optimizer update operators: no gradient. The mp_* ones run in float64 throughout here
# (the table compares gradients at float64 precision).
_OW, _OG, _OS = X, X * 0.5, np.abs(X) * 0.1 + 0.05
_OR1, _OR2 = np.array([1.0]), np.array([2.0])
_OP = {"lr": 0.1, "wd": 0.01}
zcase("sgd_update", [_OW, _OG], _OP)
zcase("sgd_mom_update", [_OW, _OG, _OS], dict(_OP, momentum=0.9))
zcase("mp_sgd_update", [_OW, _OG, _OW * 1.0], _OP)
zcase("mp_sgd_mom_update", [_OW, _OG, _OS, _OW * 1.0], dict(_OP, momentum=0.9))
zcase("nag_mom_update", [_OW, _OG, _OS], dict(_OP, momentum=0.9))
zcase("mp_nag_mom_update", [_OW, _OG, _OS, _OW * 1.0], dict(_OP, momentum=0.9))
zcase("signsgd_update", [_OW, _OG], _OP)
zcase("signum_update", [_OW, _OG, _OS], dict(_OP, momentum=0.9))
zcase("adam_update", [_OW, _OG, _OS, _OS], _OP)
zcase("rmsprop_update", [_OW, _OG, _OS], _OP)
zcase("rmspropalex_update", [_OW, _OG, _OS + 1, _OS * 0.1, _OS], _OP)
zcase("ftrl_update", [_OW, _OG, _OS, _OS], _OP)
zcase("ftml_update", [_OW, _OG, _OS + 0.5, _OS, _OS], dict(_OP, t=2))
zcase("lamb_update_phase1", [_OW, _OG, _OS, _OS], {"t": 2, "wd": 0.01})
zcase("lamb_update_phase2", [_OW, _OG, _OR1, _OR2], {"lr": 0.1})
zcase("mp_lamb_update_phase1", [_OW, _OG, _OS, _OS, _OW * 1.0], {"t": 2, "wd": 0.01})
zcase("mp_lamb_update_phase2", [_OW, _OG, _OR1, _OR2, _OW * 1.0], {"lr": 0.1})


# ============================================================================= contrib ops
# (mxcompat/ops/contrib.py, contrib_vision.py). The linear ones are checked against weight
# matrices built here in plain numpy, independently of the kernels.
def ste_ref(forward):
    """``forward`` with the identity gradient (a straight-through estimator)."""
    @jax.custom_vjp
    def f(x):
        return forward(x)

    f.defvjp(lambda x: (forward(x), None), lambda _, ct: (ct,))
    return f


def _grad_scale_ref(scale):
    @jax.custom_vjp
    def f(x):
        return x

    f.defvjp(lambda x: (x, None), lambda _, ct: (ct * scale,))
    return f


def _adaptive_np(n_in, n_out):
    m = np.zeros((n_out, n_in))
    for i in range(n_out):
        lo, hi = (i * n_in) // n_out, -((-(i + 1) * n_in) // n_out)
        m[i, lo:hi] = 1.0 / (hi - lo)
    return m


def _interp_np(n_in, n_out, align):
    m = np.zeros((n_out, n_in))
    for i in range(n_out):
        if align:
            src = i * (n_in - 1) / (n_out - 1) if n_out > 1 else 0.0
        else:
            src = max((i + 0.5) * n_in / n_out - 0.5, 0.0)
        lo = min(int(math.floor(src)), n_in - 1)
        hi = min(lo + 1, n_in - 1)
        m[i, lo] += 1 - (src - lo)
        m[i, hi] += src - lo
    return m


def _roialign_np(shape, rois, pooled, scale, ratio):
    """ROIAlign as a (R*C*ph*pw, N*C*H*W) matrix (aligned=False)."""
    n, c, h, w = shape
    ph, pw = pooled
    mat = np.zeros((len(rois), c, ph, pw, n, c, h, w))

    def taps(y, x):
        if y < -1 or y > h or x < -1 or x > w:
            return []
        y, x = max(y, 0.0), max(x, 0.0)
        y0, x0 = int(y), int(x)
        if y0 >= h - 1:
            y0 = y1 = h - 1
            y = float(y0)
        else:
            y1 = y0 + 1
        if x0 >= w - 1:
            x0 = x1 = w - 1
            x = float(x0)
        else:
            x1 = x0 + 1
        ly, lx = y - y0, x - x0
        return [(y0, x0, (1 - ly) * (1 - lx)), (y0, x1, (1 - ly) * lx),
                (y1, x0, ly * (1 - lx)), (y1, x1, ly * lx)]

    for r, roi in enumerate(rois):
        b = int(roi[0])
        x0, y0 = roi[1] * scale, roi[2] * scale
        rw = max(roi[3] * scale - x0, 1.0)
        rh = max(roi[4] * scale - y0, 1.0)
        bh, bw = rh / ph, rw / pw
        gh = ratio if ratio > 0 else int(math.ceil(rh / ph))
        gw = ratio if ratio > 0 else int(math.ceil(rw / pw))
        for i in range(ph):
            for j in range(pw):
                for iy in range(gh):
                    for ix in range(gw):
                        y = y0 + i * bh + (iy + 0.5) * bh / gh
                        x = x0 + j * bw + (ix + 0.5) * bw / gw
                        for yy, xx, wt in taps(y, x):
                            for ch in range(c):
                                mat[r, ch, i, j, b, ch, yy, xx] += wt / (gh * gw)
    return mat.reshape(len(rois) * c * ph * pw, -1)


_CX = nz((2, 3), 300)
_CQ = nz((2, 2, 5, 6), 301)
_CR = nz((1, 2, 3, 4), 302)
_ROI_D = nz((2, 2, 5, 6), 303)
_ROIS = np.array([[0, 0.5, 0.5, 4.2, 3.7], [1, 1.0, 0.0, 5.0, 4.0], [0, 2.2, 1.1, 2.9, 1.6]])
_M_ROI2 = _roialign_np(_ROI_D.shape, _ROIS, (2, 3), 1.0, 2)
_M_ROIA = _roialign_np(_ROI_D.shape, _ROIS, (2, 2), 0.5, -1)
_M_AP = np.kron(_adaptive_np(5, 2), _adaptive_np(6, 3))
_M_BR = np.kron(_interp_np(3, 5, True), _interp_np(4, 3, True))
_M_BR2 = np.kron(_interp_np(3, 5, False), _interp_np(4, 6, False))
_NMS = np.array([[0, 0.9, 0.0, 0.0, 1.0, 1.0], [1, 0.8, 0.1, 0.1, 1.1, 1.1],
                 [0, 0.7, 0.05, 0.0, 1.0, 0.95], [0, 0.3, 2.0, 2.0, 3.0, 3.0]])
_NMS_ROWS = [0, 1, 3]  # what MXNet keeps with id_index=0 (row 2 overlaps row 0)


def _nms_ref(d):
    kept = d[np.array(_NMS_ROWS)]
    return jnp.concatenate([kept, jnp.full((1, 6), -1.0, d.dtype)], axis=0)


add(
    case("_contrib_div_sqrt_dim", [_CX], lambda x: x / math.sqrt(3.0), order2=False),
    case("_contrib_quadratic", [_CX], lambda x: 1.5 * x * x - 2.0 * x + 3.0,
         {"a": 1.5, "b": -2.0, "c": 3.0}),
    case("_contrib_gradientmultiplier", [_CX], _grad_scale_ref(-0.5), {"scalar": -0.5},
         num=False, order2=False),
    case("_contrib_round_ste", [away(_CX * 3, [k + 0.5 for k in range(-4, 4)], 0.05)],
         ste_ref(lambda x: jnp.sign(x) * jnp.floor(jnp.abs(x) + 0.5)), num=False,
         order2=False),
    case("_contrib_sign_ste", [_CX], ste_ref(jnp.sign), num=False, order2=False),
    case("_contrib_index_copy", [nz((4, 3), 304), np.array([3.0, 1.0]), nz((2, 3), 305)],
         lambda o, i, n: o.at[np.array([3, 1])].set(n), wrt=(0, 2), order2=False),
    case("moments", [nz((2, 3, 4), 306)],
         lambda x: (jnp.mean(x, axis=(0, 2)), jnp.var(x, axis=(0, 2))), {"axes": (0, 2)}),
    # (ids are compared for equality: central differences do not apply)
    case("_contrib_box_nms", [_NMS], _nms_ref, {"id_index": 0}, order2=False, num=False),
    case("_contrib_AdaptiveAvgPooling2D", [_CQ],
         lambda x: (x.reshape(2, 2, 30) @ _M_AP.T).reshape(2, 2, 2, 3),
         {"output_size": (2, 3)}, order2=False),
    case("_contrib_BilinearResize2D", [_CR],
         lambda x: (x.reshape(1, 2, 12) @ _M_BR.T).reshape(1, 2, 5, 3),
         {"height": 5, "width": 3}, order2=False),
    case("_contrib_BilinearResize2D", [_CR],
         lambda x: (x.reshape(1, 2, 12) @ _M_BR2.T).reshape(1, 2, 5, 6),
         {"height": 5, "width": 6, "align_corners": False}, tag="half_pixel"),
    case("_contrib_ROIAlign", [_ROI_D, _ROIS],
         lambda x, r: (_M_ROI2 @ x.reshape(-1)).reshape(3, 2, 2, 3),
         {"pooled_size": (2, 3), "spatial_scale": 1.0, "sample_ratio": 2}, wrt=(0,),
         order2=False),
    case("_contrib_ROIAlign", [_ROI_D, _ROIS],
         lambda x, r: (_M_ROIA @ x.reshape(-1)).reshape(3, 2, 2, 2),
         {"pooled_size": (2, 2), "spatial_scale": 0.5}, wrt=(0,), tag="adaptive"),
)
EXCLUDED.update({
    "_contrib_fft": "GPU only in MXNet 1.9: raises MXNetError on CPU, as mxcompat does",
    "_contrib_ifft": "GPU only in MXNet 1.9: raises MXNetError on CPU, as mxcompat does",
    "_contrib_count_sketch": "GPU only in MXNet 1.9: raises MXNetError on CPU, as mxcompat "
                             "does",
})
_BOXES = np.array([[0, 0, 2, 2], [1, 1, 3, 4], [0.5, 0.5, 1.5, 1.0]])
_ANCH = np.array([[[0.1, 0.1, 0.5, 0.6], [0.3, 0.2, 0.9, 0.8]]])
zcase("_contrib_arange_like", [_CX], {"axis": 1})
zcase("_contrib_index_array", [_CX])
zcase("_contrib_allclose", [_CX, _CX])
zcase("_contrib_box_iou", [_BOXES, _BOXES[:2]])
zcase("_contrib_box_decode", [nz((1, 2, 4), 307) * 0.2, _ANCH])
zcase("_contrib_box_encode", [np.array([[1.0, 0.0]]), np.array([[1.0, 0.0]]), _ANCH,
                              _ANCH[:, ::-1] * 1.1, np.zeros(4), np.ones(4)])
zcase("_contrib_bipartite_matching", [pos((3, 2), 308)], {"threshold": 0.1})
# (MultiBoxPrior accepts float32 only, and the zero-gradient checks compare at float64
# precision: no channels here, so only the shape-derived output is exercised; the zero
# gradient of a float32 input is checked in test_ops_contrib.py)
zcase("_contrib_MultiBoxPrior", [np.zeros((1, 0, 2, 3), np.float32)], {"sizes": (0.5, 0.25)})
zcase("all_finite", [_CX])
zcase("multi_all_finite", [_CX, _CX * 2], {"num_arrays": 2})
zcase("multi_sum_sq", [_CX, _CX * 2], {"num_arrays": 2})
_AW = {"lr": 0.1, "eta": 1.0, "wd": 0.01}
zcase("_contrib_adamw_update", [_OW, _OG, _OS, _OS, np.array([1.0])], _AW)
zcase("_contrib_mp_adamw_update", [_OW, _OG, _OS, _OS, _OW * 1.0, np.array([1.0])], _AW)

# random_pdf_*: independent log densities; the gradient of the discrete ones does not
# reach the (integer) sample, as in MXNet
_PS = pos((2, 3), 310, 0.2, 2.0)
_PC = np.array([[0.0, 1.0, 3.0], [2.0, 5.0, 1.0]])
_PD = np.array([[[0.2, 0.3, 0.5], [0.6, 0.3, 0.1]]])


def _pdf(logp, is_log=False):
    return (lambda *a: logp(*a)) if is_log else (lambda *a: jnp.exp(logp(*a)))


def _col(p):
    return p[:, None]


add(
    case("random_pdf_uniform", [_PS, np.array([0.1, 0.2]), np.array([2.5, 3.0])],
         _pdf(lambda x, lo, hi: jnp.zeros_like(x) - jnp.log(_col(hi) - _col(lo)))),
    case("random_pdf_normal", [_PS, np.array([0.3, -0.2]), np.array([0.8, 1.7])],
         _pdf(lambda x, m, s: -((x - _col(m)) / _col(s)) ** 2 / 2 - jnp.log(_col(s))
              - math.log(math.sqrt(2 * math.pi)))),
    case("random_pdf_normal", [_PS, np.array([0.3, -0.2]), np.array([0.8, 1.7])],
         _pdf(lambda x, m, s: -((x - _col(m)) / _col(s)) ** 2 / 2 - jnp.log(_col(s))
              - math.log(math.sqrt(2 * math.pi)), True), {"is_log": True}, tag="log"),
    case("random_pdf_gamma", [_PS, np.array([2.0, 0.7]), np.array([1.5, 0.6])],
         _pdf(lambda x, a, b: _col(a) * jnp.log(_col(b)) + (_col(a) - 1) * jnp.log(x)
              - _col(b) * x - jss.gammaln(_col(a)))),
    case("random_pdf_exponential", [_PS, np.array([2.0, 0.5])],
         _pdf(lambda x, lam: jnp.log(_col(lam)) - _col(lam) * x)),
    case("random_pdf_poisson", [_PC, np.array([1.5, 2.0])],
         _pdf(lambda x, lam: x * jnp.log(_col(lam)) - _col(lam) - jss.gammaln(x + 1)),
         wrt=(1,)),
    case("random_pdf_negative_binomial", [_PC, np.array([3.0, 2.0]), np.array([0.4, 0.7])],
         _pdf(lambda x, k, p: jss.gammaln(x + _col(k)) - jss.gammaln(x + 1)
              - jss.gammaln(_col(k)) + _col(k) * jnp.log(_col(p))
              + x * jnp.log(1 - _col(p))), wrt=(1, 2)),
    case("random_pdf_generalized_negative_binomial",
         [_PC, np.array([2.0, 1.5]), np.array([0.5, 0.3])],
         _pdf(lambda x, mu, al: jss.gammaln(x + 1 / _col(al)) - jss.gammaln(x + 1)
              - jss.gammaln(1 / _col(al))
              - jnp.log(1 + _col(al) * _col(mu)) / _col(al)
              + x * jnp.log(_col(al) * _col(mu) / (1 + _col(al) * _col(mu)))),
         wrt=(1, 2)),
    case("random_pdf_dirichlet", [_PD, np.array([[1.5, 2.0, 3.0]])],
         _pdf(lambda x, a: jnp.sum((a[:, None] - 1) * jnp.log(x), axis=-1)
              + jss.gammaln(jnp.sum(a, -1))[:, None] - jnp.sum(jss.gammaln(a), -1)[:, None])),
)


def _svm_ref(margin, reg, linear):
    def rule(x, lab):
        oh = jax.nn.one_hot(lab.astype(jnp.int32), x.shape[-1], dtype=x.dtype)
        own = (margin > x).astype(x.dtype)
        other = (margin > -x).astype(x.dtype)
        if linear:
            g = -oh * own + (1 - oh) * other
        else:
            g = -oh * own * 2 * (margin - x) + (1 - oh) * other * 2 * (margin + x)
        return reg * g

    @jax.custom_vjp
    def f(x, lab):
        return x

    f.defvjp(lambda x, lab: (x, (x, lab)),
             lambda res, ct: (rule(*res).astype(res[0].dtype), jnp.zeros_like(res[1])))
    return f


_SVM_X = away(nz((3, 4), 311, 0.1, 1.5), [-1.0, 1.0, -0.5, 0.5], 0.05)
_SVM_L = np.array([2.0, 0.0, 3.0])
add(
    loss_case("SVMOutput", [_SVM_X, _SVM_L], _svm_ref(1.0, 1.0, False), wrt=(0,),
              order2=False),
    loss_case("SVMOutput", [_SVM_X, _SVM_L], _svm_ref(0.5, 2.0, True),
              {"margin": 0.5, "regularization_coefficient": 2.0, "use_linear": True},
              wrt=(0,), tag="linear", order2=False),
)


def _im2col_np(shape, kernel, stride=(1, 1), pad=(0, 0), dilate=(1, 1)):
    """im2col as a 0/1 matrix (C*kh*kw*L, C*H*W)."""
    c, h, w = shape
    kh, kw = kernel
    oh = (h + 2 * pad[0] - dilate[0] * (kh - 1) - 1) // stride[0] + 1
    ow = (w + 2 * pad[1] - dilate[1] * (kw - 1) - 1) // stride[1] + 1
    m = np.zeros((c, kh, kw, oh, ow, c, h, w))
    for ch in range(c):
        for a in range(kh):
            for b in range(kw):
                for i in range(oh):
                    for j in range(ow):
                        y = i * stride[0] - pad[0] + a * dilate[0]
                        x = j * stride[1] - pad[1] + b * dilate[1]
                        if 0 <= y < h and 0 <= x < w:
                            m[ch, a, b, i, j, ch, y, x] = 1.0
    return m.reshape(c * kh * kw * oh * ow, c * h * w), (c * kh * kw, oh * ow)


_IC_X = nz((2, 2, 4, 5), 312)
_IC_M, _IC_S = _im2col_np((2, 4, 5), (3, 2), stride=(2, 1), pad=(1, 0), dilate=(1, 2))
_IC_C = nz((2,) + _IC_S, 313)


def _tent(v):
    return jnp.maximum(1 - jnp.abs(v), 0.0)


def _sampler_ref(data, grid):
    """Bilinear sampling with zero padding written as a sum of tent weights over every
    pixel."""
    h, w = data.shape[2], data.shape[3]
    x = (grid[:, 0] + 1) * (w - 1) / 2
    y = (grid[:, 1] + 1) * (h - 1) / 2
    wy = _tent(y[..., None] - jnp.arange(h))            # (N, Ho, Wo, H)
    wx = _tent(x[..., None] - jnp.arange(w))            # (N, Ho, Wo, W)
    return jnp.einsum("nchw,nijh,nijw->ncij", data, wy, wx)


def _affine_ref(theta, h, w):
    ys, xs = np.meshgrid(np.linspace(-1, 1, h), np.linspace(-1, 1, w), indexing="ij")
    base = np.stack([xs.ravel(), ys.ravel(), np.ones(h * w)])
    return (theta.reshape(-1, 2, 3) @ base).reshape(-1, 2, h, w)


_SG_D = nz((2, 2, 4, 5), 314)
# grid points a clear distance from pixel centres (the tent weights' kinks)
_SG_G = uni((2, 2, 3, 3), 315, -1.1, 1.1)
_SG_G[:, 0] = away(_SG_G[:, 0], [-1 + k / 2 for k in range(-1, 6)], 0.05)
_SG_G[:, 1] = away(_SG_G[:, 1], [-1 + 2 * k / 3 for k in range(-1, 5)], 0.05)
_ST_T = np.array([[0.8, 0.15, 0.03, -0.1, 0.9, 0.03], [0.7, -0.2, 0.07, 0.12, 0.85, -0.05]])
_WARP = nz((1, 2, 3, 4), 316)
add(
    case("Crop", [_IC_X], lambda x: x[:, :, 1:3, 2:5], {"offset": (1, 2), "h_w": (2, 3)},
         order2=False),
    case("Crop", [_IC_X, np.zeros((1, 1, 3, 3))], lambda x, y: x[:, :, :3, 1:4],
         {"center_crop": True}, wrt=(0,), tag="like", order2=False),
    case("im2col", [_IC_X],
         lambda x: (x.reshape(2, -1) @ _IC_M.T).reshape((2,) + _IC_S),
         {"kernel": (3, 2), "stride": (2, 1), "pad": (1, 0), "dilate": (1, 2)}, order2=False),
    case("col2im", [_IC_C], lambda c: (c.reshape(2, -1) @ _IC_M).reshape(2, 2, 4, 5),
         {"output_size": (4, 5), "kernel": (3, 2), "stride": (2, 1), "pad": (1, 0),
          "dilate": (1, 2)}, order2=False),
    case("GridGenerator", [_ST_T], lambda t: _affine_ref(t, 3, 4),
         {"transform_type": "affine", "target_shape": (3, 4)}, order2=False),
    case("GridGenerator", [_WARP],
         lambda f: jnp.stack([(jnp.arange(4.0) + f[:, 0]) / 1.5 - 1,
                              (jnp.arange(3.0)[:, None] + f[:, 1]) / 1.0 - 1], axis=1),
         {"transform_type": "warp"}, tag="warp"),
    case("BilinearSampler", [_SG_D, _SG_G], _sampler_ref, order2=False, rtol=1e-6),
    case("SpatialTransformer", [_SG_D, _ST_T],
         lambda d, t: _sampler_ref(d, _affine_ref(t, 3, 3)),
         {"target_shape": (3, 3), "transform_type": "affine", "sampler_type": "bilinear"},
         order2=False, rtol=1e-6),
)


def _corr_ref(a, b, k, md, s1, s2, pad):
    """Correlation written position by position (tiny sizes only)."""
    a = jnp.pad(a, ((0, 0), (0, 0), (pad, pad), (pad, pad)))
    b = jnp.pad(b, ((0, 0), (0, 0), (pad, pad), (pad, pad)))
    border = md + (k - 1) // 2
    th = -(-(a.shape[2] - 2 * border) // s1)
    tw = -(-(a.shape[3] - 2 * border) // s1)
    r = md // s2
    chans = []
    for p in range(-r, r + 1):
        for o in range(-r, r + 1):
            rows = []
            for i in range(th):
                cols = []
                for j in range(tw):
                    y, x = i * s1 + md, j * s1 + md
                    pa = a[:, :, y:y + k, x:x + k]
                    pb = b[:, :, y + p * s2:y + p * s2 + k, x + o * s2:x + o * s2 + k]
                    cols.append(jnp.sum(pa * pb, axis=(1, 2, 3)) / (k * k * a.shape[1]))
                rows.append(jnp.stack(cols, -1))
            chans.append(jnp.stack(rows, -2))
    return jnp.stack(chans, 1)


add(case("Correlation", [nz((1, 2, 5, 5), 320), nz((1, 2, 5, 5), 321)],
         lambda a, b: _corr_ref(a, b, 3, 2, 2, 2, 2),
         {"kernel_size": 3, "max_displacement": 2, "stride1": 2, "stride2": 2, "pad_size": 2}))
