"""Forward tests of the core operators (elementwise, reductions, shape, creation) against
numpy references, table driven. Exact MXNet printing/errors are covered by the goldens."""
from __future__ import annotations

import numpy as np
import pytest

import mxcompat as mx
from mxcompat import nd
from mxcompat.base import MXNetError

R = np.random.RandomState(0)
X = (np.arange(24, dtype=np.float32).reshape(2, 3, 4) - 11.5) / 7
POS = np.abs(X) + 0.5
UNIT = np.clip(X / 3, -0.9, 0.9)
Y = np.linspace(-2, 2, 12, dtype=np.float32).reshape(3, 4)


def _f(fn):
    return lambda x: fn(x.astype(np.float64)).astype(np.float32)


try:
    from scipy import special as _sp  # optional
except ImportError:  # pragma: no cover
    _sp = None

UNARY = [
    ("abs", X, np.abs), ("sign", X, np.sign), ("negative", X, np.negative),
    ("square", X, np.square), ("reciprocal", POS, np.reciprocal),
    ("round", np.array([-2.5, -1.5, -0.5, 0.5, 1.5, 2.5], np.float32),
     lambda v: np.sign(v) * np.floor(np.abs(v) + 0.5)),
    ("rint", X, lambda v: np.where(v - np.floor(v) <= 0.5, np.floor(v), np.ceil(v))),
    ("ceil", X, np.ceil), ("floor", X, np.floor),
    ("trunc", X, np.trunc), ("fix", X, np.trunc), ("sqrt", POS, np.sqrt),
    ("rsqrt", POS, lambda v: 1 / np.sqrt(v)), ("cbrt", X, np.cbrt),
    ("rcbrt", POS, lambda v: 1 / np.cbrt(v)), ("exp", X, np.exp), ("expm1", X, np.expm1),
    ("log", POS, np.log), ("log10", POS, np.log10), ("log2", POS, np.log2),
    ("log1p", POS, np.log1p), ("sin", X, np.sin), ("cos", X, np.cos), ("tan", UNIT, np.tan),
    ("arcsin", UNIT, np.arcsin), ("arccos", UNIT, np.arccos), ("arctan", X, np.arctan),
    ("sinh", X, np.sinh), ("cosh", X, np.cosh), ("tanh", X, np.tanh),
    ("arcsinh", X, np.arcsinh), ("arccosh", POS + 1, np.arccosh),
    ("arctanh", UNIT, np.arctanh), ("degrees", X, np.degrees), ("radians", X, np.radians),
    ("relu", X, lambda v: np.maximum(v, 0)), ("sigmoid", X, lambda v: 1 / (1 + np.exp(-v))),
    ("softsign", X, lambda v: v / (1 + np.abs(v))),
    ("logical_not", np.array([0, 1, 2], np.float32), lambda v: (v == 0).astype(v.dtype)),
    ("identity", X, lambda v: v), ("_copy", X, lambda v: v), ("BlockGrad", X, lambda v: v),
    ("stop_gradient", X, lambda v: v), ("make_loss", X, lambda v: v),
    ("MakeLoss", X, lambda v: v), ("zeros_like", X, np.zeros_like),
    ("ones_like", X, np.ones_like), ("flatten", X, lambda v: v.reshape(2, -1)),
    ("Flatten", X, lambda v: v.reshape(2, -1)),
    ("gammaln", POS, _f(lambda v: np.vectorize(__import__("math").lgamma)(v))),
    ("gamma", POS, _f(lambda v: np.vectorize(__import__("math").gamma)(v))),
    ("erf", X, _f(lambda v: np.vectorize(__import__("math").erf)(v))),
    ("hard_sigmoid", X, lambda v: np.clip(0.2 * v + 0.5, 0, 1)),
    ("argmax_channel", Y, lambda v: np.argmax(v, -1).astype(np.float32)),
    ("shape_array", X, lambda v: np.array(v.shape, np.int64)),
    ("size_array", X, lambda v: np.array([v.size], np.int64)),
]
if _sp is not None:
    UNARY += [("digamma", POS, _f(_sp.digamma)), ("erfinv", UNIT, _f(_sp.erfinv))]


@pytest.mark.parametrize("name,data,ref", UNARY, ids=[u[0] for u in UNARY])
def test_unary(name, data, ref):
    out = getattr(nd._internal if name.startswith("_") else nd, name)(nd.array(data))
    np.testing.assert_allclose(out.asnumpy(), ref(data), rtol=2e-5, atol=2e-6)


def test_integer_math_keeps_dtype():
    x = nd.array([1, 4, 9], dtype="int32")
    assert nd.sqrt(x).dtype == np.int32
    np.testing.assert_array_equal(nd.sqrt(x).asnumpy(), [1, 2, 3])


A = np.arange(1, 7, dtype=np.float32).reshape(2, 3)
B = np.array([2, -3, 4], np.float32)

BINARY = [
    ("add", np.add), ("sub", np.subtract), ("mul", np.multiply), ("div", np.divide),
    ("mod", lambda a, b: np.where(b == 0, 0, np.mod(a, b))), ("power", None),
    ("maximum", np.maximum), ("minimum", np.minimum), ("hypot", np.hypot),
    ("equal", np.equal), ("not_equal", np.not_equal), ("greater", np.greater),
    ("greater_equal", np.greater_equal), ("lesser", np.less),
    ("lesser_equal", np.less_equal), ("logical_and", np.logical_and),
    ("logical_or", np.logical_or), ("logical_xor", np.logical_xor),
]


@pytest.mark.parametrize("name,ref", BINARY, ids=[b[0] for b in BINARY])
def test_broadcast_binary(name, ref):
    a, b = A, B
    if name == "power":
        b, ref = np.abs(B) / 2, np.power
    out = getattr(nd, "broadcast_" + name)(nd.array(a), nd.array(b))
    np.testing.assert_allclose(out.asnumpy(), ref(a, b).astype(np.float32), rtol=1e-6)
    # the same-shape operators: elemwise_* and the underscored internals
    bb = np.broadcast_to(b, a.shape).copy()
    for fname in ("elemwise_" + name, "_" + name):
        ns = nd._internal if fname.startswith("_") else nd
        if hasattr(ns, fname):
            out = getattr(ns, fname)(nd.array(a), nd.array(bb))
            np.testing.assert_allclose(out.asnumpy(), ref(a, bb).astype(np.float32),
                                       rtol=1e-6)
            with pytest.raises(MXNetError, match="Incompatible attr"):
                getattr(ns, fname)(nd.array(a), nd.array(b))


def test_binary_aliases():
    a, b = nd.array(A), nd.array(B)
    assert (nd.broadcast_plus(a, b) == nd.broadcast_add(a, b)).asnumpy().all()
    assert (nd.broadcast_minus(a, b) == nd.broadcast_sub(a, b)).asnumpy().all()
    assert (nd._internal._grad_add(a, a) == a * 2).asnumpy().all()


SCALAR = [
    ("_plus_scalar", lambda x, s: x + s), ("_minus_scalar", lambda x, s: x - s),
    ("_rminus_scalar", lambda x, s: s - x), ("_mul_scalar", lambda x, s: x * s),
    ("_div_scalar", lambda x, s: x / s), ("_rdiv_scalar", lambda x, s: s / x),
    ("_mod_scalar", lambda x, s: np.mod(x, s)), ("_rmod_scalar", lambda x, s: np.mod(s, x)),
    ("_power_scalar", lambda x, s: x ** s), ("_rpower_scalar", lambda x, s: s ** x),
    ("_maximum_scalar", np.maximum), ("_minimum_scalar", np.minimum),
    ("_hypot_scalar", np.hypot), ("_equal_scalar", lambda x, s: x == s),
    ("_not_equal_scalar", lambda x, s: x != s), ("_greater_scalar", lambda x, s: x > s),
    ("_greater_equal_scalar", lambda x, s: x >= s), ("_lesser_scalar", lambda x, s: x < s),
    ("_lesser_equal_scalar", lambda x, s: x <= s),
    ("_logical_and_scalar", lambda x, s: np.logical_and(x, s)),
    ("_logical_or_scalar", lambda x, s: np.logical_or(x, s)),
    ("_logical_xor_scalar", lambda x, s: np.logical_xor(x, s)),
]


@pytest.mark.parametrize("name,ref", SCALAR, ids=[s[0] for s in SCALAR])
def test_scalar_ops(name, ref):
    for s in (2.5, 0.0, 3):
        out = getattr(nd._internal, name)(nd.array(A), scalar=s)
        with np.errstate(divide="ignore", invalid="ignore"):
            want = ref(A.astype(np.float64), s)
        want = np.where(np.isfinite(want), want, 0) if "mod" in name else want
        np.testing.assert_allclose(out.asnumpy(), np.asarray(want, np.float32), rtol=1e-6)
        assert out.dtype == np.float32


def test_scalar_value_changes_do_not_recompile():
    op = mx.ops.get("_mul_scalar")
    x = nd.array([1.0, 2.0])
    for s in (0.5, 0.25, 3.0, 7.0):
        np.testing.assert_allclose((x * s).asnumpy(), [s, 2 * s])
    assert len([k for k in op._kernels if k[2] is None]) == 1


REDUCE = [("sum", np.sum), ("mean", np.mean), ("prod", np.prod), ("max", np.max),
          ("min", np.min), ("nansum", np.nansum), ("nanprod", np.nanprod),
          ("sum_axis", np.sum), ("max_axis", np.max), ("min_axis", np.min)]


@pytest.mark.parametrize("name,ref", REDUCE, ids=[r[0] for r in REDUCE])
def test_reductions(name, ref):
    x = nd.array(X + 2)  # away from zero sums
    X2 = X + 2
    fn = getattr(nd, name)
    np.testing.assert_allclose(fn(x).asnumpy(), [ref(X2)], rtol=1e-5)
    assert fn(x).shape == (1,)
    np.testing.assert_allclose(fn(x, axis=1).asnumpy(), ref(X2, axis=1), rtol=1e-5)
    np.testing.assert_allclose(fn(x, axis=(0, 2), keepdims=True).asnumpy(),
                               ref(X2, axis=(0, 2), keepdims=True), rtol=1e-5)
    np.testing.assert_allclose(fn(x, axis=1, exclude=True).asnumpy(),
                               ref(X2, axis=(0, 2)), rtol=1e-5)
    np.testing.assert_allclose(fn(x, axis="(0, 1)", keepdims="True").asnumpy(),
                               ref(X2, axis=(0, 1), keepdims=True), rtol=1e-5)
    with pytest.raises(MXNetError, match="Exceeds input dimensions"):
        fn(x, axis=3)


def test_norm_argmax_argmin():
    x = nd.array(Y)
    np.testing.assert_allclose(nd.norm(x).asnumpy(), [np.linalg.norm(Y)], rtol=1e-6)
    np.testing.assert_allclose(nd.norm(x, ord=1, axis=1).asnumpy(), np.abs(Y).sum(1),
                               rtol=1e-6)
    np.testing.assert_array_equal(nd.argmax(x, axis=1).asnumpy(), Y.argmax(1))
    np.testing.assert_array_equal(nd.argmin(x, axis=0).asnumpy(), Y.argmin(0))
    assert nd.argmax(x).shape == (1,)


def test_shape_ops():
    x = nd.array(X)
    np.testing.assert_array_equal(nd.transpose(x).asnumpy(), X.T)
    np.testing.assert_array_equal(nd.transpose(x, axes=(1, 0, 2)).asnumpy(),
                                  X.transpose(1, 0, 2))
    np.testing.assert_array_equal(nd.expand_dims(x, axis=1).asnumpy(), X[:, None])
    np.testing.assert_array_equal(nd.squeeze(nd.array(X[:1])).asnumpy(), X[0])
    np.testing.assert_array_equal(nd.swapaxes(x, dim1=0, dim2=2).asnumpy(), X.swapaxes(0, 2))
    np.testing.assert_array_equal(nd.SwapAxis(x, 0, 2).asnumpy(), X.swapaxes(0, 2))
    np.testing.assert_array_equal(nd.reshape(x, shape=(0, -1)).asnumpy(), X.reshape(2, 12))
    np.testing.assert_array_equal(nd.Reshape(x, shape=(-3, 4)).asnumpy(), X.reshape(6, 4))
    np.testing.assert_array_equal(nd.reshape_like(x, nd.zeros((4, 6))).asnumpy(),
                                  X.reshape(4, 6))
    np.testing.assert_array_equal(nd.concat(x, x, dim=2).asnumpy(), np.concatenate([X, X], 2))
    np.testing.assert_array_equal(nd.Concat(x, x, dim=0).asnumpy(), np.concatenate([X, X]))
    np.testing.assert_array_equal(nd.stack(x, x, axis=1).asnumpy(), np.stack([X, X], 1))
    parts = nd.split(x, num_outputs=3, axis=1, squeeze_axis=True)
    for p, q in zip(parts, np.split(X, 3, axis=1)):
        np.testing.assert_array_equal(p.asnumpy(), q[:, 0])
    assert len(nd.SliceChannel(x, num_outputs=2, axis=0)) == 2
    np.testing.assert_array_equal(nd.tile(x, reps=(1, 2, 1)).asnumpy(), np.tile(X, (1, 2, 1)))
    np.testing.assert_array_equal(nd.repeat(x, repeats=2, axis=2).asnumpy(),
                                  np.repeat(X, 2, axis=2))
    np.testing.assert_array_equal(nd.repeat(x, repeats=2).asnumpy(), np.repeat(X, 2))
    np.testing.assert_array_equal(nd.flip(x, axis=1).asnumpy(), X[:, ::-1])
    np.testing.assert_array_equal(nd.reverse(x, axis=(0, 2)).asnumpy(), X[::-1, :, ::-1])
    np.testing.assert_array_equal(nd.slice(x, begin=(0, 1), end=(2, 3)).asnumpy(),
                                  X[0:2, 1:3])
    np.testing.assert_array_equal(nd.slice(x, begin=(None, 2), end=(None, 0),
                                           step=(None, -1)).asnumpy(), X[:, 2:0:-1])
    np.testing.assert_array_equal(nd.crop(x, begin=(1,), end=(2,)).asnumpy(), X[1:2])
    np.testing.assert_array_equal(nd.slice_axis(x, axis=2, begin=1, end=None).asnumpy(),
                                  X[:, :, 1:])
    np.testing.assert_array_equal(nd.slice_like(x, nd.zeros((1, 2, 3))).asnumpy(),
                                  X[:1, :2, :3])
    b2 = nd.array(B[None])
    np.testing.assert_array_equal(nd.broadcast_to(b2, shape=(2, 0)).asnumpy(),
                                  np.broadcast_to(B, (2, 3)))
    np.testing.assert_array_equal(nd.broadcast_like(b2, nd.array(A)).asnumpy(),
                                  np.broadcast_to(B, (2, 3)))
    with pytest.raises(MXNetError, match=r"Operand of shape \[3\] cannot be broadcasted to"):
        nd.broadcast_to(nd.array(B), shape=(2, 3))
    with pytest.raises(MXNetError, match=r"cannot be broadcasted from \[1,3\] to \[2,4\]"):
        nd.broadcast_to(b2, shape=(2, 4))
    np.testing.assert_array_equal(
        nd.broadcast_axis(nd.array(X[:1]), axis=0, size=3).asnumpy(),
        np.broadcast_to(X[:1], (3, 3, 4)))
    np.testing.assert_array_equal(nd.broadcast_axes(nd.array(X[:1]), axis=0,
                                                    size=2).shape, (2, 3, 4))
    np.testing.assert_array_equal(nd.Cast(x, dtype="int32").asnumpy(), X.astype(np.int32))
    np.testing.assert_array_equal(nd.cast(x, dtype="float16").asnumpy(), X.astype(np.float16))
    np.testing.assert_array_equal(nd.diag(nd.array(Y)).asnumpy(), np.diag(Y))
    np.testing.assert_array_equal(nd.diag(nd.array(B)).asnumpy(), np.diag(B))
    im = np.arange(32, dtype=np.float32).reshape(1, 8, 2, 2)
    d2s = nd.depth_to_space(nd.array(im), block_size=2)
    assert d2s.shape == (1, 2, 4, 4)
    np.testing.assert_array_equal(nd.space_to_depth(d2s, block_size=2).asnumpy(), im)


def test_add_n_and_clip_and_smooth_l1():
    a = nd.array(A)
    np.testing.assert_array_equal(nd.add_n(a, a, a).asnumpy(), 3 * A)
    np.testing.assert_array_equal(nd.ElementWiseSum(a, a).asnumpy(), 2 * A)
    np.testing.assert_array_equal(nd.clip(a, a_min=2, a_max=4).asnumpy(), np.clip(A, 2, 4))
    v = np.array([-2, -0.5, 0, 0.5, 2], np.float32)
    want = np.where(np.abs(v) < 1, 0.5 * v * v, np.abs(v) - 0.5)
    np.testing.assert_allclose(nd.smooth_l1(nd.array(v)).asnumpy(), want)
    want = np.where(np.abs(v) < 0.25, 0.5 * 4 * v * v, np.abs(v) - 0.125)
    np.testing.assert_allclose(nd.smooth_l1(nd.array(v), scalar=2.0).asnumpy(), want)


def test_creation_ops():
    np.testing.assert_array_equal(nd._internal._zeros(shape=(2, 2)).asnumpy(), np.zeros((2, 2)))
    np.testing.assert_array_equal(nd._internal._ones(shape=(2,), dtype="int64").asnumpy(), [1, 1])
    assert nd._internal._ones(shape=(2,), dtype="int64").dtype == np.int64
    np.testing.assert_array_equal(nd._internal._full(shape=(2,), value=3.5).asnumpy(), [3.5, 3.5])
    np.testing.assert_allclose(nd._internal._arange(start=1, stop=2, step=0.25).asnumpy(),
                               [1, 1.25, 1.5, 1.75])
    np.testing.assert_allclose(nd.arange(3, repeat=2).asnumpy(), [0, 0, 1, 1, 2, 2])
    np.testing.assert_allclose(nd._internal._linspace(start=0, stop=1, num=5).asnumpy(),
                               np.linspace(0, 1, 5))
    np.testing.assert_allclose(nd.linspace(0, 1, 4, endpoint=False).asnumpy(),
                               [0, 0.25, 0.5, 0.75])
    np.testing.assert_array_equal(nd._internal._eye(N=2, M=3, k=1).asnumpy(), np.eye(2, 3, 1))
    np.testing.assert_array_equal(nd.eye(3).asnumpy(), np.eye(3))


def test_64_bit_dtypes_are_64_bit():
    big = 2 ** 40 + 1
    x = nd.array([big], dtype="int64")
    assert (x + 1).asnumpy()[0] == big + 1
    y = nd.array([1e-300], dtype="float64")
    assert (y * 1e-5).asnumpy()[0] == pytest.approx(1e-305)


def test_unknown_attribute_raises():
    with pytest.raises(MXNetError, match="Cannot find argument 'foo'"):
        nd.sum(nd.ones((2,)), foo=1)
    with pytest.raises(MXNetError, match="Invalid Parameter format for axis"):
        nd.sum(nd.ones((2,)), axis="x")
    with pytest.raises(MXNetError, match="Required parameter num_outputs"):
        nd.split(nd.ones((2,)))
    # operators without attributes ignore unknown keywords, as MXNet does
    nd.relu(nd.ones((2,)), foo=1)


def test_split_v2():
    x = nd.arange(10)
    parts = nd.split_v2(x, (2, 5))
    assert [p.asnumpy().tolist() for p in parts] == [[0, 1], [2, 3, 4], [5, 6, 7, 8, 9]]
    parts = nd._internal._split_v2(nd.arange(12).reshape((2, 6)), sections=3, axis=1)
    np.testing.assert_array_equal(parts[1].asnumpy(), [[2, 3], [8, 9]])
    with pytest.raises(ValueError, match="indices_or_sections"):
        nd.split_v2(x, [2, 5])


@pytest.mark.parametrize("name", ["_equal", "_not_equal", "_greater", "_greater_equal",
                                  "_lesser", "_lesser_equal", "_logical_and", "_logical_or",
                                  "_logical_xor"])
def test_same_shape_comparisons_return_input_dtype(name):
    a, b = nd.array([[0, 1], [2, 3]]), nd.array([[1, 1], [0, 3]])
    out = getattr(nd._internal, name)(a, b)
    assert out.dtype == np.float32 and out.shape == (2, 2)
    with pytest.raises(MXNetError, match="Incompatible attr"):
        getattr(nd._internal, name)(a, nd.array([1, 1]))


def test_same_shape_arithmetic_internals():
    a, b = nd.array([[3.0, -7.0]]), nd.array([[2.0, 3.0]])
    np.testing.assert_allclose(nd._internal._hypot(a, b).asnumpy(), np.hypot([[3, -7]], [[2, 3]]))
    np.testing.assert_allclose(nd._internal._minimum(a, b).asnumpy(), [[2.0, -7.0]])
    np.testing.assert_allclose(nd._internal._maximum(a, b).asnumpy(), [[3.0, 3.0]])
    np.testing.assert_allclose(nd._internal._mod(a, b).asnumpy(), [[1.0, 2.0]])
    np.testing.assert_allclose(nd._internal._power(nd.abs(a), b).asnumpy(), [[9.0, 343.0]])


def test_index_operator():
    """NDArray.__getitem__'s copies go through the _index operator (so they are recorded)."""
    x = nd.arange(12).reshape((3, 4))
    out = nd._internal._index(x, key=(("s", None, None, None), 1), scalar_out=True)
    np.testing.assert_array_equal(out.asnumpy(), [1, 5, 9])
    idx = nd.array([2, 0])
    out = nd._internal._index(x, idx, key=(mx.ops.shape.Advanced(0),))
    np.testing.assert_array_equal(out.asnumpy(), x.asnumpy()[[2, 0]])
