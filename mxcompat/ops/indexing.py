"""Indexing operators: take, pick, one_hot, where, gather_nd, scatter_nd, batch_take,
fill_element_0index, ravel_multi_index / unravel_index.

Index inputs may have any dtype. Float indices are truncated toward zero (what MXNet's
kernels do when they cast an index to an integer); out-of-range indices follow each
operator's mode (clip, wrap, raise). Checks that depend on index *values* (take with
mode='raise', gather_nd's bounds) run only in eager mode, where the values are at hand;
inside compiled code the indices are clamped instead.
"""
from __future__ import annotations

import jax
import jax.numpy as jnp
import numpy as np

from ..base import MXNetError
from .attrs import Bool, Dtype, Enum, Float, Int, OptInt, Shape, _InvalidEnum
from .registry import register

# ----------------------------------------------------------------------------- helpers
# (shared with sorting.py, matrix.py and linalg.py)


def shape_str(shape) -> str:
    """MXNet's way of printing a shape in messages: ``[2,3]``."""
    return "[" + ",".join(str(int(d)) for d in shape) + "]"


def shape_fail(name: str, arrays, n_out: int = 1) -> MXNetError:
    """MXNet's generic 'inferring shapes failed' error."""
    ins = "\n".join(shape_str(a.shape) for a in arrays if a is not None)
    outs = "\n".join("None" for _ in range(n_out))
    return MXNetError(f"Operator {name} inferring shapes failed.\ninput shapes:\n{ins}\n"
                      f"output shapes:\n{outs}\noperator attributes:\n")


def is_concrete(x) -> bool:
    """True for a jax.Array holding values (eager mode), False for tracers / abstract."""
    return isinstance(x, jax.Array) and not isinstance(x, jax.core.Tracer)


@jax.jit
def _any_outside(idx, lo, hi):
    return jnp.any((idx < lo) | (idx > hi))


def any_outside(idx, lo, hi) -> bool:
    """Eager check that some index lies outside [lo, hi] (one small compiled reduction;
    only the verdict comes back to the host)."""
    return bool(_any_outside(idx, np.asarray(lo), np.asarray(hi)))


def is_float(x) -> bool:
    return jnp.issubdtype(x.dtype, jnp.floating)


def is_int(x) -> bool:
    return jnp.issubdtype(x.dtype, jnp.integer) or x.dtype == jnp.bool_


# mshadow's names of the type flags (used in its TBlob type-mismatch messages)
C_TYPE_NAMES = {"float32": "float", "float64": "double", "float16": "half",
                "uint8": "unsigned char", "int8": "char", "int32": "int",
                "int64": "long long", "bool": "bool", "bfloat16": "bfloat16"}


def tblob_type_error(expected_dtype, given_dtype) -> MXNetError:
    e = C_TYPE_NAMES.get(np.dtype(expected_dtype).name, str(expected_dtype))
    g = C_TYPE_NAMES.get(np.dtype(given_dtype).name, str(given_dtype))
    return MXNetError("Check failed: mshadow: :DataType<DType>::kFlag == type_flag_: "
                      "TBlob.get_with_shape: data type do not match specified type."
                      f"Expected: {e} v.s. given {g}")


class DtypeChoice(Dtype):
    """A dtype attribute restricted to MXNet's list (its 'Invalid Input' error otherwise)."""

    def __init__(self, values, default):
        super().__init__(default)
        self.values = tuple(values)
        self.kind = "{" + ", ".join(repr(v) for v in sorted(self.values)) + "}"

    def parse(self, value):
        try:
            name = super().parse(value)
        except (TypeError, ValueError):
            raise _InvalidEnum(str(value), self.values) from None
        if name not in self.values:
            raise _InvalidEnum(name, self.values)
        return name


def _index_int_dtype(x):
    return jnp.int64 if x.dtype.itemsize >= 8 else jnp.int32


def trunc_index(x):
    """Indices as integers, floats truncated toward zero (no range handling)."""
    if is_float(x):
        return x.astype(jnp.int64 if x.dtype == jnp.float64 else jnp.int32)
    if x.dtype == jnp.bool_:
        return x.astype(jnp.int32)
    return x.astype(_index_int_dtype(x))


def mode_index(x, n: int, mode: str):
    """Integer indices in [0, n): 'wrap' takes them modulo n (Python's sign rule),
    anything else clips. Floats are truncated toward zero first."""
    n = max(int(n), 1)
    if is_float(x):
        t = jnp.trunc(x.astype(jnp.float32) if x.dtype.itemsize < 4 else x)
        if mode == "wrap":
            t = jnp.mod(t, n)
        else:
            t = jnp.clip(t, 0, n - 1)
        return t.astype(jnp.int64 if t.dtype == jnp.float64 else jnp.int32)
    t = trunc_index(x)
    if mode == "wrap":
        return jnp.mod(t, n)
    return jnp.clip(t, 0, n - 1)


def _fmt_num(v) -> str:
    """A number as C++'s default ostream prints it (6 significant digits)."""
    v = float(v)
    if v == int(v) and abs(v) < 1e16:
        return str(int(v))
    return "%g" % v


# ----------------------------------------------------------------------------- take
def _take_check(arrays, attrs):
    a, idx = arrays[0], arrays[1]
    axis, nd = attrs["axis"], a.ndim
    if not (-nd <= axis < nd):
        raise MXNetError("Check failed: param.axis >= -1 * arrshape.ndim() && param.axis < "
                         "arrshape.ndim(): Axis should be in the range of [-r, r-1] where r "
                         "is the rank of input tensor")
    if idx.ndim == 0:
        raise shape_fail("take", arrays)
    if attrs["mode"] == "raise" and is_concrete(idx) and idx.size:
        if any_outside(idx, 0, a.shape[axis] - 1):
            raise MXNetError("Check failed: is_valid: take operator contains indices out of "
                             "bound")


@register("take", ("a", "indices"), same_dtype=False, check=_take_check,
          attrs={"axis": Int(0), "mode": Enum(("clip", "raise", "wrap"), "clip")})
def _take(a, indices, axis, mode):
    """Take elements of ``a`` along ``axis`` at ``indices`` (clip, wrap or raise)."""
    axis = axis % a.ndim
    idx = mode_index(indices, a.shape[axis], "wrap" if mode == "wrap" else "clip")
    return jnp.take(a, idx, axis=axis, mode="clip")


# ----------------------------------------------------------------------------- pick
def _pick_check(arrays, attrs):
    data, index = arrays[0], arrays[1]
    axis = attrs["axis"]
    if axis is None:
        raise MXNetError("axis=None is not supported by pick yet. Must specify an axis.")
    nd = data.ndim
    if not (-nd <= axis < nd):
        raise MXNetError(f"Check failed: axis < ndim && axis >= -ndim: axis {axis} exceeds "
                         f"the input dimension of {nd}")
    ax = axis % nd
    reduced = tuple(d for k, d in enumerate(data.shape) if k != ax)
    kept = tuple(1 if k == ax else d for k, d in enumerate(data.shape))
    if tuple(index.shape) not in (reduced, kept):
        inferred = kept if attrs["keepdims"] else reduced
        raise MXNetError(f"Shape inconsistent, Provided = {shape_str(index.shape)}, "
                         f"inferred shape={shape_str(inferred)}")


@register("pick", ("data", "index"), aliases=("choose_element_0index",), same_dtype=False,
          check=_pick_check,
          attrs={"axis": OptInt(-1), "keepdims": Bool(False),
                 "mode": Enum(("clip", "wrap"), "clip")})
def _pick(data, index, axis, keepdims, mode):
    """Pick one element along ``axis`` for every position of the other axes."""
    ax = axis % data.ndim
    idx = mode_index(index, data.shape[ax], mode)
    kept = tuple(1 if k == ax else d for k, d in enumerate(data.shape))
    idx = idx.reshape(kept)
    out = jnp.take_along_axis(data, idx, axis=ax)
    if not keepdims:
        out = jnp.squeeze(out, ax)
    if out.ndim == 0:
        out = out.reshape((1,))
    return out


def _fill_check(arrays, attrs):
    lhs, mhs, rhs = arrays
    if not (lhs.ndim == 2 and mhs.ndim == 1 and rhs.ndim == 1):
        raise MXNetError("Check failed: lshape.ndim() == 2 && mshape.ndim() == 1 && "
                         "rshape.ndim() == 1: fill_row_element only support 2D Matrix, 1D "
                         "value and 1D index")
    if not (lhs.shape[0] == mhs.shape[0] == rhs.shape[0]):
        raise MXNetError("Check failed: (lshape[0] == mshape[0]) && (mshape[0] == rshape[0])"
                         ": choose_row_element index vector, value vector and matrix shape "
                         "mismatch")
    for other in (mhs, rhs):
        if other.dtype != lhs.dtype:
            raise tblob_type_error(other.dtype, lhs.dtype)


@register("fill_element_0index", ("lhs", "mhs", "rhs"), same_dtype=False,
          check=_fill_check)
def _fill_element_0index(lhs, mhs, rhs):
    """Copy of ``lhs`` with ``lhs[i, rhs[i]] = mhs[i]`` (rows whose index is out of
    range are left unchanged)."""
    idx = trunc_index(rhs)
    cols = jnp.arange(lhs.shape[1], dtype=idx.dtype)
    hit = idx[:, None] == cols[None, :]
    return jnp.where(hit, mhs[:, None], lhs)


# ----------------------------------------------------------------------------- one_hot
def _one_hot_check(arrays, attrs):
    d = attrs["depth"]
    if d < 0:
        raise MXNetError(f"Check failed: *depth >= 0 ({d} vs. 0) : Dimension size, depth, "
                         f"must be a non-negative integer")


def cast_scalar(value: float, dtype):
    """A Python float as an array of ``dtype`` the way a C++ static_cast would give it
    (integers truncate toward zero and wrap)."""
    dt = jnp.dtype(dtype)
    if jnp.issubdtype(dt, jnp.integer):
        return jnp.asarray(np.asarray(int(value)).astype(np.int64).astype(dt))
    if dt == jnp.bool_:
        return jnp.asarray(bool(value))
    return jnp.asarray(value, dtype=dt)


_ONE_HOT_DTYPES = ("bfloat16", "float16", "float32", "float64", "int32", "int64", "int8",
                   "uint8")


@register("one_hot", ("indices",), differentiable=False, check=_one_hot_check,
          attrs={"depth": Int(), "on_value": Float(1.0), "off_value": Float(0.0),
                 "dtype": DtypeChoice(_ONE_HOT_DTYPES, "float32")})
def _one_hot(indices, depth, on_value, off_value, dtype):
    """One-hot encoding along a new last axis; out-of-range indices give all off_value."""
    idx = trunc_index(indices)
    hit = idx[..., None] == jnp.arange(depth, dtype=idx.dtype)
    return jnp.where(hit, cast_scalar(on_value, dtype), cast_scalar(off_value, dtype))


# ----------------------------------------------------------------------------- where
def _where_check(arrays, attrs):
    cond, x, y = arrays
    if x.shape != y.shape:
        raise shape_fail("where", arrays)
    if cond.shape != x.shape:
        if cond.ndim == 1 and x.ndim >= 1:
            if cond.shape[0] != x.shape[0]:
                raise MXNetError(
                    f"Check failed: (*in_attrs)[0].Size() == static_cast<size_t>(tshape[0]) "
                    f"({cond.size} vs. {x.shape[0]}) : ")
        else:
            raise shape_fail("where", arrays)
    if x.dtype != y.dtype:
        raise MXNetError("Check failed: infer_type_success: Operator where is missing "
                         "FInferType attribute")


@register("where", ("condition", "x", "y"), same_dtype=False, check=_where_check)
def _where(condition, x, y):
    """``x`` where ``condition`` is non-zero, else ``y``. A 1-D condition selects whole
    rows (its length is the first dimension of x)."""
    c = condition != 0
    if c.shape != x.shape:
        c = c.reshape(c.shape + (1,) * (x.ndim - 1))
    return jnp.where(c, x, y)


# ----------------------------------------------------------------------------- gather_nd
def _gather_nd_check(arrays, attrs):
    data, idx = arrays
    if idx.ndim <= 1:
        raise MXNetError(f"Check failed: ishape.ndim() > 1 ({idx.ndim} vs. 1) : gather_nd "
                         f"requires index tensor to have at least 2 dimensions")
    m = idx.shape[0]
    if m > data.ndim:
        raise MXNetError(f"Check failed: ishape[0] <= dshape.ndim() ({m} vs. {data.ndim}) : "
                         f"Number of indices exceeds data dimension")
    if is_concrete(idx) and idx.size:
        sizes = np.asarray(data.shape[:m], np.int64).reshape((m,) + (1,) * (idx.ndim - 1))
        if any_outside(idx, -sizes, sizes - 1):
            flat_idx = np.asarray(idx).reshape(m, -1)
            sz = sizes.reshape(m, 1)
            flat_bad = (flat_idx < -sz) | (flat_idx > sz - 1)
            pts, axes = np.nonzero(flat_bad.T)
            p, j = int(pts[0]), int(axes[0])
            raise IndexError(f"index {_fmt_num(flat_idx[j, p])} is out of bounds for axis "
                             f"{j} with size {data.shape[j]}")


@register("gather_nd", ("data", "indices"), same_dtype=False, check=_gather_nd_check)
def _gather_nd(data, indices):
    """``out[i..] = data[indices[0, i..], indices[1, i..], ...]`` (negative indices count
    from the end)."""
    m = indices.shape[0]
    coords = []
    for j in range(m):
        n = data.shape[j]
        v = indices[j]
        if is_float(v):
            v = v.astype(jnp.float32) if v.dtype.itemsize < 4 else v
            v = jnp.where(v < 0, v + n, v)
            v = jnp.clip(jnp.trunc(v), 0, max(n - 1, 0))
            v = v.astype(jnp.int32 if v.dtype != jnp.float64 else jnp.int64)
        else:
            v = trunc_index(v)
            v = jnp.clip(jnp.where(v < 0, v + n, v), 0, max(n - 1, 0))
        coords.append(v)
    return data[tuple(coords)]


# ----------------------------------------------------------------------------- scatter_nd
def _scatter_nd_check(arrays, attrs):
    data, idx = arrays
    shape = tuple(attrs["shape"])
    if idx.ndim <= 1:
        raise MXNetError(f"Check failed: ishape.ndim() > 1 ({idx.ndim} vs. 1) : scatter_nd "
                         f"requires index tensor to have at least 2 dimensions")
    m = idx.shape[0]
    valid = (m <= len(shape) and all(d > 0 for d in shape)
             and tuple(data.shape) == tuple(idx.shape[1:]) + shape[m:])
    if not valid:
        raise MXNetError(f"Check failed: valid: Invalid data, indices, and output shape "
                         f"combination for scatter_nd: {shape_str(data.shape)}, "
                         f"{shape_str(idx.shape)}, {shape_str(shape)}")


@register("scatter_nd", ("data", "indices"), same_dtype=False, check=_scatter_nd_check,
          attrs={"shape": Shape()})
def _scatter_nd(data, indices, shape):
    """Zeros of ``shape`` with ``data`` written at ``indices`` (the inverse of gather_nd).
    When several entries hit one position the last one wins; entries whose flat offset
    falls outside the array are dropped."""
    shape = tuple(shape)
    m = indices.shape[0]
    lead = shape[:m]
    k = int(np.prod(lead, dtype=np.int64))
    rest = int(np.prod(shape[m:], dtype=np.int64))
    n = int(np.prod(indices.shape[1:], dtype=np.int64))
    strides = np.cumprod((1,) + lead[::-1][:-1])[::-1].astype(np.int64)
    idx = trunc_index(indices).reshape(m, n).astype(jnp.int64)
    off = jnp.sum(idx * jnp.asarray(strides)[:, None], axis=0)
    ok = (off >= 0) & (off < k)
    pos = jnp.where(ok, off, k)
    winner = jnp.full((k,), -1, jnp.int64).at[pos].max(
        jnp.arange(n, dtype=jnp.int64), mode="drop")
    rows = data.reshape(n, rest)
    picked = rows[jnp.maximum(winner, 0)]
    out = jnp.where((winner >= 0)[:, None], picked, jnp.zeros((), data.dtype))
    return out.reshape(shape)


# ----------------------------------------------------------------------------- batch_take
def _batch_take_check(arrays, attrs):
    a, idx = arrays
    if a.ndim < 2:
        raise MXNetError(f"Check failed: (*in_attrs)[0].ndim() >= 2 ({a.ndim} vs. 2) : Data "
                         f"array must have at least 2 dimensional")
    rows = a.size // a.shape[-1] if a.shape[-1] else 0
    if rows != idx.size:
        raise MXNetError(
            f"Check failed: (*in_attrs)[0].Size()/(*in_attrs)[0][(*in_attrs)[0].ndim()-1] == "
            f"(*out_attrs)[0].Size() ({rows} vs. {idx.size}) : Index array's size must be the "
            f"same as data array's size excluding the first dimension")
    if idx.dtype != jnp.int32:
        name = "bool" if idx.dtype == jnp.bool_ else np.dtype(idx.dtype).name
        raise MXNetError(f"Type inconsistent, Provided = {name}, inferred type = int32")


@register("batch_take", ("a", "indices"), same_dtype=False, check=_batch_take_check)
def _batch_take(a, indices):
    """``out[i] = a2[i, indices[i]]`` where ``a2`` is ``a`` seen as rows of its last axis
    (indices are clipped)."""
    k = a.shape[-1]
    rows = a.reshape(-1, k)
    idx = jnp.clip(indices.reshape(-1), 0, max(k - 1, 0))
    out = rows[jnp.arange(rows.shape[0]), idx]
    return out.reshape(indices.shape)


# ----------------------------------------------------------------------------- ravel
def _ravel_check(arrays, attrs):
    data = arrays[0]
    shape = attrs["shape"]
    if not shape:
        raise MXNetError("Check failed: shape.ndim() > 0 (-1 vs. 0) : Empty shape parameter "
                         "for ravel operator.")
    if data.ndim != 2:
        raise MXNetError(f"Check failed: (*in_attrs)[0].ndim() == 2 ({data.ndim} vs. 2) : "
                         f"Input to ravel operator must be two-dimensional.")
    if data.shape[0] != len(shape):
        raise MXNetError(f"Check failed: (*in_attrs)[0][0] == shape.ndim() ({data.shape[0]} "
                         f"vs. {len(shape)}) : First dimension of input of ravel operator "
                         f"does not match shape parameter dimension.")


def _strides(shape) -> np.ndarray:
    st = [1]
    for d in shape[:0:-1]:
        st.append(st[-1] * int(d))
    return np.asarray(st[::-1], dtype=np.int64)


@register("_ravel_multi_index", aliases=("ravel_multi_index",), differentiable=False,
          check=_ravel_check, attrs={"shape": Shape(None, allow_none=True)})
def _ravel_multi_index(data, shape):
    """Flat indices of the columns of ``data`` (one row per dimension of ``shape``)."""
    idx = trunc_index(data).astype(jnp.int64)
    st = jnp.asarray(_strides(shape))[:, None]
    return jnp.sum(idx * st, axis=0).astype(data.dtype)


def _unravel_check(arrays, attrs):
    if not attrs["shape"]:
        raise MXNetError("Check failed: shape.ndim() > 0 (-1 vs. 0) : Empty shape parameter "
                         "for unravel operator.")


@register("_unravel_index", aliases=("unravel_index",), differentiable=False,
          check=_unravel_check, attrs={"shape": Shape(None, allow_none=True)})
def _unravel_index(data, shape):
    """Coordinates in ``shape`` of flat indices (a new first axis, one row per dimension).
    As in MXNet the first coordinate is not reduced modulo ``shape[0]`` and negative
    indices use C's truncating division."""
    idx = trunc_index(data).astype(jnp.int64)
    coords = []
    rem = idx
    for d in shape[:0:-1]:
        d = jnp.asarray(int(d), jnp.int64)
        coords.append(jax.lax.rem(rem, d))
        rem = jax.lax.div(rem, d)
    coords.append(rem)
    return jnp.stack(coords[::-1], axis=0).astype(data.dtype)


# ----------------------------------------------------------------------------- boolean_mask
def _boolean_mask_check(arrays, attrs):
    raise NotImplementedError(
        "contrib.boolean_mask is not supported by mxcompat: its output shape depends on the "
        "values of the mask, which compiled (XLA) operators cannot produce; select with "
        "where/take, or index on the host")


@register("_contrib_boolean_mask", ("data", "index"), same_dtype=False,
          check=_boolean_mask_check, attrs={"axis": Int(0)})
def _boolean_mask(data, index, axis):
    """Not supported (data-dependent output shape); raises NotImplementedError."""
    raise NotImplementedError("contrib.boolean_mask")


__all__ = ["shape_str", "shape_fail", "is_concrete", "DtypeChoice", "mode_index",
           "trunc_index", "cast_scalar", "tblob_type_error"]
