"""Matrix products and padding: dot, batch_dot, khatri_rao, Pad."""
from __future__ import annotations

import jax.numpy as jnp
import numpy as np
from jax import lax

from ..base import MXNetError
from .attrs import Bool, Enum, Float, Int, Shape
from .indexing import cast_scalar, shape_str
from .registry import register

_STYPE = Enum(("csr", "default", "row_sparse"), None, allow_none=True)


def _prod(dims) -> int:
    return int(np.prod(dims, dtype=np.int64)) if len(dims) else 1


def _dot_dtype_check(x):
    if not jnp.issubdtype(x.dtype, jnp.floating):
        raise MXNetError(
            "Check failed: outputs[0].type_flag_ == kFloat32 || outputs[0].type_flag_ == "
            "kFloat64 || (outputs[0].type_flag_ == kFloat16 && ctx.run_ctx.ctx.dev_mask() == "
            "mshadow: :gpu::kDevMask): dot only supports float32/float64 for CPU, and "
            "float16/float32/float64 for GPU")


# ----------------------------------------------------------------------------- dot
def _dot_parts(shape, first: bool):
    """Split a shape into (kept dims, contracted size) as MXNet's dot does: the
    contracted axis is the first one when ``first`` else the last one."""
    if first:
        return tuple(shape[1:]), int(shape[0])
    return tuple(shape[:-1]), int(shape[-1])


def _dot_check(arrays, attrs):
    lhs, rhs = arrays
    ta, tb = attrs["transpose_a"], attrs["transpose_b"]
    ls, rs = tuple(lhs.shape), tuple(rhs.shape)
    if lhs.ndim == 1 and rhs.ndim == 1:
        if ta or tb:
            raise MXNetError("Check failed: !param.transpose_a && !param.transpose_b: "
                             "Cannot transpose vectors")
        if ls[0] != rs[0]:
            raise MXNetError(f"Check failed: lshape[0] == rshape[0] ({ls[0]} vs. {rs[0]}) : "
                             f"dot shape error: {shape_str(ls)} X {shape_str(rs)}")
    elif lhs.ndim == 0 or rhs.ndim == 0:
        raise MXNetError(f"Check failed: L[!Ta].Size() == R[Tb].Size() : dot shape error: "
                         f"{shape_str(ls)} X {shape_str(rs)}")
    else:
        _, lk = _dot_parts(ls, ta)
        _, rk = _dot_parts(rs, not tb)
        if lk != rk:
            raise MXNetError(f"Check failed: L[!Ta].Size() == R[Tb].Size() ({lk} vs. {rk}) : "
                             f"dot shape error: {shape_str(ls)} X {shape_str(rs)}")
    _dot_dtype_check(lhs)


@register("dot", ("lhs", "rhs"), check=_dot_check,
          attrs={"transpose_a": Bool(False), "transpose_b": Bool(False),
                 "forward_stype": _STYPE})
def _dot(lhs, rhs, transpose_a, transpose_b, forward_stype):
    """Dot product. For N-d inputs the last axis of ``lhs`` is contracted with the first
    axis of ``rhs``; ``transpose_a`` contracts the first axis of ``lhs`` instead and
    ``transpose_b`` the last axis of ``rhs``. Two vectors give shape (1,)."""
    if lhs.ndim == 1 and rhs.ndim == 1:
        return jnp.dot(lhs, rhs).reshape((1,))
    lkeep, lk = _dot_parts(lhs.shape, transpose_a)
    rkeep, rk = _dot_parts(rhs.shape, not transpose_b)
    if transpose_a:
        lm = lhs.reshape(lk, _prod(lkeep)).T
    else:
        lm = lhs.reshape(_prod(lkeep), lk)
    if transpose_b:
        rm = rhs.reshape(_prod(rkeep), rk).T
    else:
        rm = rhs.reshape(rk, _prod(rkeep))
    out = jnp.matmul(lm, rm)
    shape = (lkeep if lhs.ndim > 1 else ()) + (rkeep if rhs.ndim > 1 else ())
    return out.reshape(shape or (1,))


# ----------------------------------------------------------------------------- batch_dot
def _batch_dot_check(arrays, attrs):
    lhs, rhs = arrays
    ls, rs = tuple(lhs.shape), tuple(rhs.shape)
    ta, tb = attrs["transpose_a"], attrs["transpose_b"]
    if lhs.ndim < 3 or lhs.ndim != rhs.ndim:
        raise MXNetError(f"batch_dot currently only support N-D*N-D array (N >= 3)"
                         f"{shape_str(ls)} v.s. {shape_str(rs)}")
    tail = f"{shape_str(ls)} X {shape_str(rs)} trans_a={int(ta)} trans_b={int(tb)}"
    for i in range(lhs.ndim - 2):
        if ls[i] != rs[i]:
            raise MXNetError(f"Check failed: lshape[i] == rshape[i] ({ls[i]} vs. {rs[i]}) : "
                             f"batch_dot shape error (the leading batch dimensions must be "
                             f"equal): {tail}")
    lk = ls[-2] if ta else ls[-1]
    rk = rs[-1] if tb else rs[-2]
    if lk != rk:
        raise MXNetError(f"Check failed: lshape_k == rshape_k ({lk} vs. {rk}) : batch_dot "
                         f"shape error (shape mismatch): {tail}")
    _dot_dtype_check(lhs)


@register("batch_dot", ("lhs", "rhs"), check=_batch_dot_check,
          attrs={"transpose_a": Bool(False), "transpose_b": Bool(False),
                 "forward_stype": _STYPE})
def _batch_dot(lhs, rhs, transpose_a, transpose_b, forward_stype):
    """Matrix product of the last two axes, batched over the leading ones."""
    if transpose_a:
        lhs = jnp.swapaxes(lhs, -1, -2)
    if transpose_b:
        rhs = jnp.swapaxes(rhs, -1, -2)
    return jnp.matmul(lhs, rhs)


# ----------------------------------------------------------------------------- khatri_rao
def _khatri_rao_check(arrays, attrs):
    for a in arrays:
        if a.ndim < 2:
            raise MXNetError(f"Check failed: i >= 0 && i < ndim(): index = 1 must be in "
                             f"range [0, {a.ndim})")
        if a.ndim != 2:
            raise MXNetError(f"Check failed: dim == ndim() (2 vs. {a.ndim}) : dimension do "
                             f"not match target dimension 2 vs {a.ndim}")
    cols = arrays[0].shape[1]
    for a in arrays[1:]:
        if a.shape[1] != cols:
            raise MXNetError("Check failed: (num_columns) == "
                             "(static_cast<int>(attr_shape[1]))")
    if arrays[0].dtype not in (jnp.float32, jnp.float64):
        raise MXNetError("Not implmented!")


@register("khatri_rao", ("args",), variadic="num_args", attrs={"num_args": Int()},
          check=_khatri_rao_check)
def _khatri_rao(*args, num_args):
    """Column-wise Kronecker product of matrices with the same number of columns: the
    result has ``prod(rows)`` rows, the first matrix's row index varying slowest."""
    out = args[0]
    for b in args[1:]:
        out = (out[:, None, :] * b[None, :, :]).reshape(-1, out.shape[1])
    return out


# ----------------------------------------------------------------------------- Pad
def _pad_check(arrays, attrs):
    x = arrays[0]
    pw = tuple(attrs["pad_width"])
    if x.ndim not in (4, 5):
        raise MXNetError("Current implementation only supports 4-D or 5-D input.")
    if any(pw[:4]):
        raise MXNetError("Current implementation expects padding on the first two axes "
                         "to be zero.")
    if len(pw) != 2 * x.ndim:
        raise MXNetError("Input shape vs padding spec mismatch.")
    if attrs["mode"] == "reflect":
        for k in range(2, x.ndim):
            n = x.shape[k]
            if pw[2 * k] >= n or pw[2 * k + 1] >= n:
                raise MXNetError("Current implementation of reflection padding only supports "
                                 "padding sizes smaller than the input size.")
    if not jnp.issubdtype(x.dtype, jnp.floating):
        name = "bool" if x.dtype == jnp.bool_ else np.dtype(x.dtype).name
        sep = "" if name in ("uint8", "int8") else ","
        raise MXNetError(f"This operation only support floating point types{sep} not {name}")


def _pad_index(n: int, before: int, after: int, mode: str):
    """Source positions (and validity for 'constant') of one padded axis."""
    j = np.arange(n + before + after) - before
    if mode == "constant":
        return np.clip(j, 0, n - 1), (j >= 0) & (j < n)
    if mode == "reflect":
        j = np.abs(j)
        j = np.where(j >= n, 2 * (n - 1) - j, j)
    return np.clip(j, 0, n - 1), None


@register("Pad", aliases=("pad",), check=_pad_check,
          attrs={"mode": Enum(("constant", "edge", "reflect")), "pad_width": Shape(),
                 "constant_value": Float(0.0)})
def _pad(data, mode, pad_width, constant_value):
    """Pad the spatial axes of a 4-D / 5-D array (constant, edge or reflect).
    ``pad_width`` holds (before, after) for every axis; the first two pairs are zero."""
    pairs = [(int(pad_width[2 * k]), int(pad_width[2 * k + 1])) for k in range(data.ndim)]
    value = cast_scalar(constant_value, data.dtype)
    if all(a >= 0 and b >= 0 for a, b in pairs):
        if mode == "constant":
            return jnp.pad(data, pairs, mode="constant", constant_values=value)
        return jnp.pad(data, pairs, mode=mode)
    if mode == "constant":  # negative widths crop, as in MXNet's kernel
        return lax.pad(data, value, [(a, b, 0) for a, b in pairs])
    out = data
    for k, (a, b) in enumerate(pairs):
        if a or b:
            src, _ = _pad_index(data.shape[k], a, b, mode)
            out = jnp.take(out, jnp.asarray(src), axis=k)
    return out
