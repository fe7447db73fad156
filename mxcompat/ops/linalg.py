"""Linear algebra operators (``_linalg_*``, aliases ``linalg_*``, ``mx.nd.linalg.*``).

Every operator works on the last two axes and treats leading axes as a batch (gemm and
gemm2 can put the row axis elsewhere with ``axis``). As in MXNet only float32 and float64
are supported. Triangular inputs are read from the triangle the operator uses; the other
triangle is ignored.
"""
from __future__ import annotations

import math

import jax
import jax.numpy as jnp
import numpy as np
from jax import lax

from ..base import MXNetError
from .attrs import Bool, Float, Int
from .indexing import shape_fail, shape_str
from .registry import register

_FLOAT_MSG = "This operation only supports 32-bit and 64-bit floating point"


def _float_check(x, prefix: bool = False):
    if x.dtype not in (jnp.float32, jnp.float64):
        raise MXNetError(("Check failed: dtype == kFloat32 || dtype == kFloat64: "
                          if prefix else "") + _FLOAT_MSG)


def _T(x):
    return jnp.swapaxes(x, -1, -2)


# ----------------------------------------------------------------------------- gemm
def _gemm_check(name, with_c):
    def check(arrays, attrs):
        a, b = arrays[0], arrays[1]
        nd = a.ndim
        if nd < 2 or b.ndim != nd or (with_c and arrays[2].ndim != nd):
            raise shape_fail(name, arrays)
        axis = attrs["axis"]
        ax = axis + nd if axis < 0 else axis
        if not (0 <= ax < nd - 1):
            raise MXNetError(f"Check failed: axis >= 0 && axis < ndim-1: Invalid row axis "
                             f"({axis})")
        for i in range(nd):
            if i != ax and i != nd - 1 and a.shape[i] != b.shape[i]:
                raise MXNetError(f"Check failed: (*in_attrs)[0][i] == (*in_attrs)[1][i] "
                                 f"({a.shape[i]} vs. {b.shape[i]}) : Shapes of inputs 0, 1 "
                                 f"must be the same, except on row/col axis")
        ta, tb = attrs["transpose_a"], attrs["transpose_b"]
        ka = a.shape[ax] if ta else a.shape[nd - 1]
        kb = b.shape[nd - 1] if tb else b.shape[ax]
        if ka != kb:
            raise MXNetError(
                f"Check failed: (transpose_a ? (*in_attrs)[0][axis] : (*in_attrs)[0][ndim-1]) "
                f"== (transpose_b ? (*in_attrs)[1][ndim-1] : (*in_attrs)[1][axis]) ({ka} vs. "
                f"{kb}) : Incompatible matrix dimensions for multiplication")
        if with_c:
            out = list(a.shape)
            out[ax] = a.shape[nd - 1] if ta else a.shape[ax]
            out[nd - 1] = b.shape[ax] if tb else b.shape[nd - 1]
            c = arrays[2]
            if tuple(c.shape) != tuple(out):
                raise MXNetError(f"Shape inconsistent, Provided = {shape_str(c.shape)}, "
                                 f"inferred shape={shape_str(out)}")
        _float_check(a)
    return check


def _gemm_core(A, B, transpose_a, transpose_b, alpha, axis):
    nd = A.ndim
    ax = axis % nd
    if ax != nd - 2:
        A = jnp.moveaxis(A, ax, -2)
        B = jnp.moveaxis(B, ax, -2)
    if transpose_a:
        A = _T(A)
    if transpose_b:
        B = _T(B)
    return jnp.matmul(A, B) * jnp.asarray(alpha, A.dtype), ax


@register("_linalg_gemm", ("A", "B", "C"), aliases=("linalg_gemm",),
          check=_gemm_check("_linalg_gemm", True),
          attrs={"transpose_a": Bool(False), "transpose_b": Bool(False), "alpha": Float(1.0),
                 "beta": Float(1.0), "axis": Int(-2)})
def _gemm(A, B, C, transpose_a, transpose_b, alpha, beta, axis):
    """``alpha * op(A) @ op(B) + beta * C`` over the last two axes (``axis`` names the row
    axis when it is not the second to last)."""
    out, ax = _gemm_core(A, B, transpose_a, transpose_b, alpha, axis)
    if ax != A.ndim - 2:
        C = jnp.moveaxis(C, ax, -2)
    out = out + jnp.asarray(beta, C.dtype) * C
    if ax != A.ndim - 2:
        out = jnp.moveaxis(out, -2, ax)
    return out


@register("_linalg_gemm2", ("A", "B"), aliases=("linalg_gemm2",),
          check=_gemm_check("_linalg_gemm2", False),
          attrs={"transpose_a": Bool(False), "transpose_b": Bool(False), "alpha": Float(1.0),
                 "axis": Int(-2)})
def _gemm2(A, B, transpose_a, transpose_b, alpha, axis):
    """``alpha * op(A) @ op(B)`` over the last two axes."""
    out, ax = _gemm_core(A, B, transpose_a, transpose_b, alpha, axis)
    if ax != A.ndim - 2:
        out = jnp.moveaxis(out, -2, ax)
    return out


# ----------------------------------------------------------------------------- helpers
def _rows_cols(x):
    if x.ndim >= 2:
        return x.shape[-2], x.shape[-1]
    return 1, (x.shape[-1] if x.ndim else 1)


def _square_potr(name):
    def check(arrays, attrs):
        a = arrays[0]
        r, c = _rows_cols(a)
        if r != c:
            raise MXNetError(f"Check failed: A.size(0) == A.size(1) ({r} vs. {c}) : No "
                             f"square matrix as input to {name}.")
        _float_check(a)
    return check


def _batch_shape(x):
    """Output shape of a per-matrix scalar: the batch dims, or (1,) for one matrix."""
    return tuple(x.shape[:-2]) or (1,)


@jax.custom_vjp
def _sym_from_lower(A):
    """The symmetric matrix whose lower triangle is A's. Its gradient is the symmetrised
    ``(g + g^T) / 2`` over the whole of A, which is what MXNet returns for the operators
    that read only the lower triangle (potrf, syevd)."""
    return jnp.tril(A) + _T(jnp.tril(A, -1))


def _sym_fwd(A):
    return _sym_from_lower(A), None


def _sym_bwd(_, g):
    return ((g + _T(g)) / 2,)


_sym_from_lower.defvjp(_sym_fwd, _sym_bwd)


# ----------------------------------------------------------------------------- Cholesky
@register("_linalg_potrf", aliases=("linalg_potrf",), inputs=("A",),
          check=_square_potr("potrf"))
def _potrf(A):
    """Cholesky factor L (lower triangular, ``A = L @ L.T``) of symmetric positive
    definite matrices; only the lower triangle of A is read."""
    return jnp.tril(lax.linalg.cholesky(_sym_from_lower(A), symmetrize_input=False))


def _eye_like(A):
    n = A.shape[-1]
    return jnp.broadcast_to(jnp.eye(n, dtype=A.dtype), A.shape)


@register("_linalg_potri", aliases=("linalg_potri",), inputs=("A",),
          check=_square_potr("potri"))
def _potri(A):
    """Inverse ``(L @ L.T)^-1`` of the matrix whose Cholesky factor is ``L = A`` (the
    lower triangle of A is read)."""
    L = jnp.tril(A)
    Linv = lax.linalg.triangular_solve(L, _eye_like(L), left_side=True, lower=True)
    return jnp.matmul(_T(Linv), Linv)


# ----------------------------------------------------------------------------- trsm / trmm
def _tri_check(name):
    def check(arrays, attrs):
        a, b = arrays
        nd = a.ndim
        if nd < 2 or b.ndim != nd:
            raise shape_fail(name, arrays)
        if a.shape[-2] != a.shape[-1]:
            raise MXNetError(f"Check failed: (*in_attrs)[0][ndim-2] == (*in_attrs)[0][ndim-1] "
                             f"({a.shape[-2]} vs. {a.shape[-1]}) : First operand must be a "
                             f"tensor of square matrices")
        for i in range(nd - 2):
            if a.shape[i] != b.shape[i]:
                raise MXNetError(f"Check failed: (*in_attrs)[0][i] == (*in_attrs)[1][i] "
                                 f"({a.shape[i]} vs. {b.shape[i]}) : Shapes of inputs 0, 1 "
                                 f"must be the same, except on last two dimensions")
        if attrs["rightside"]:
            if a.shape[-2] != b.shape[-1]:
                raise MXNetError(f"Check failed: (*in_attrs)[0][ndim-2] == "
                                 f"(*in_attrs)[1][ndim-1] ({a.shape[-2]} vs. {b.shape[-1]}) "
                                 f": Incompatible matrix dimensions for multiplication")
        elif b.shape[-2] != a.shape[-1]:
            raise MXNetError(f"Check failed: (*in_attrs)[1][ndim-2] == (*in_attrs)[0][ndim-1] "
                             f"({b.shape[-2]} vs. {a.shape[-1]}) : Incompatible matrix "
                             f"dimensions for multiplication")
        _float_check(a)
    return check


_TRI_ATTRS = {"transpose": Bool(False), "rightside": Bool(False), "lower": Bool(True),
              "alpha": Float(1.0)}


@register("_linalg_trsm", ("A", "B"), aliases=("linalg_trsm",),
          check=_tri_check("_linalg_trsm"), attrs=dict(_TRI_ATTRS))
def _trsm(A, B, transpose, rightside, lower, alpha):
    """Solve ``op(A) @ X = alpha * B`` (or ``X @ op(A) = alpha * B`` with rightside) for
    triangular A."""
    T = jnp.tril(A) if lower else jnp.triu(A)
    return lax.linalg.triangular_solve(T, B * jnp.asarray(alpha, B.dtype),
                                       left_side=not rightside, lower=lower,
                                       transpose_a=transpose)


@register("_linalg_trmm", ("A", "B"), aliases=("linalg_trmm",),
          check=_tri_check("_linalg_trmm"), attrs=dict(_TRI_ATTRS))
def _trmm(A, B, transpose, rightside, lower, alpha):
    """``alpha * op(A) @ B`` (or ``alpha * B @ op(A)``) for triangular A."""
    T = jnp.tril(A) if lower else jnp.triu(A)
    if transpose:
        T = _T(T)
    out = jnp.matmul(B, T) if rightside else jnp.matmul(T, B)
    return out * jnp.asarray(alpha, out.dtype)


# ----------------------------------------------------------------------------- sumlogdiag
def _sumlogdiag_check(arrays, attrs):
    a = arrays[0]
    if a.ndim < 2:
        raise shape_fail("_linalg_sumlogdiag", arrays)
    if a.shape[-2] != a.shape[-1]:
        raise MXNetError(f"Check failed: A.size(1) == A.size(2) ({a.shape[-2]} vs. "
                         f"{a.shape[-1]}) : sumlogdiag operator requires square matrices as "
                         f"input.")
    _float_check(a)


@register("_linalg_sumlogdiag", ("A",), aliases=("linalg_sumlogdiag",),
          check=_sumlogdiag_check)
def _sumlogdiag(A):
    """Sum of the logarithms of the diagonal of each matrix."""
    d = jnp.diagonal(A, axis1=-2, axis2=-1)
    return jnp.sum(jnp.log(d), axis=-1).reshape(_batch_shape(A))


# ----------------------------------------------------------------------------- syrk
def _syrk_check(arrays, attrs):
    a = arrays[0]
    if a.ndim < 2:
        raise shape_fail("_linalg_syrk", arrays)
    _float_check(a)


@register("_linalg_syrk", ("A",), aliases=("linalg_syrk",), check=_syrk_check,
          attrs={"transpose": Bool(False), "alpha": Float(1.0)})
def _syrk(A, transpose, alpha):
    """``alpha * A @ A.T`` (``alpha * A.T @ A`` with transpose)."""
    out = jnp.matmul(_T(A), A) if transpose else jnp.matmul(A, _T(A))
    return out * jnp.asarray(alpha, A.dtype)


# ----------------------------------------------------------------------------- gelqf
def _gelqf_check(arrays, attrs):
    a = arrays[0]
    if a.ndim < 2:
        raise shape_fail("_linalg_gelqf", arrays, 2)
    if a.shape[-2] > a.shape[-1]:
        raise MXNetError(f"Check failed: in_a[ndim-2] <= in_a[ndim-1] ({a.shape[-2]} vs. "
                         f"{a.shape[-1]}) : Input A shape wrong: Last dimension must be >= "
                         f"than second to last")
    _float_check(a)


@register("_linalg_gelqf", ("A",), aliases=("linalg_gelqf",), check=_gelqf_check,
          num_outputs=2)
def _gelqf(A):
    """LQ factorization ``A = L @ Q`` of (x, y) matrices with x <= y; returns (Q, L) with
    Q row-orthonormal (x, y) and L lower triangular (x, x). Signs follow LAPACK's
    Householder convention (that of the QR factorization of A.T)."""
    q, r = jnp.linalg.qr(_T(A), mode="reduced")
    return _T(q), _T(r)


# ----------------------------------------------------------------------------- syevd
def _syevd_check(arrays, attrs):
    a = arrays[0]
    if a.ndim < 2:
        raise shape_fail("_linalg_syevd", arrays, 2)
    if a.shape[-2] != a.shape[-1]:
        raise MXNetError(f"Check failed: in_a[ndim-2] == in_a[ndim-1] ({a.shape[-2]} vs. "
                         f"{a.shape[-1]}) : Input A shape wrong: Last two dimensions must be "
                         f"equal")
    _float_check(a)


@register("_linalg_syevd", ("A",), check=_syevd_check, num_outputs=2)
def _syevd(A):
    """Eigendecomposition of symmetric matrices (lower triangle read): returns (U, L) with
    the eigenvectors as the rows of U and the eigenvalues L in ascending order. Each
    eigenvector's largest-magnitude entry is made positive, as in MXNet."""
    v, w = lax.linalg.eigh(_sym_from_lower(A), lower=True, symmetrize_input=False,
                           sort_eigenvalues=True)
    U = _T(v)
    pos = jnp.argmax(jnp.abs(U), axis=-1)
    pivot = jnp.take_along_axis(U, pos[..., None], axis=-1)
    sign = jnp.where(pivot < 0, -1, 1).astype(U.dtype)
    return U * sign, w


# ----------------------------------------------------------------------------- inverse/det
def _square_check(prefix_dtype: bool):
    def check(arrays, attrs):
        a = arrays[0]
        if a.ndim < 2:
            raise MXNetError(f"Check failed: ndim >= 2 ({a.ndim} vs. 2) : Input A's dimension "
                             f"must be >= 2")
        if a.shape[-2] != a.shape[-1]:
            raise MXNetError(f"Check failed: in[ndim-2] == in[ndim-1] ({a.shape[-2]} vs. "
                             f"{a.shape[-1]}) : Input A's last two dimension must be equal")
        _float_check(a, prefix_dtype)
    return check


@register("_linalg_inverse", ("A",), aliases=("linalg_inverse",),
          check=_square_check(False))
def _inverse(A):
    """Inverse of each square matrix."""
    return jnp.linalg.inv(A)


@register("_linalg_det", ("A",), aliases=("linalg_det",), check=_square_check(True))
def _det(A):
    """Determinant of each square matrix."""
    return jnp.linalg.det(A).reshape(_batch_shape(A))


@register("_linalg_slogdet", ("A",), aliases=("linalg_slogdet",), check=_square_check(True),
          num_outputs=2)
def _slogdet(A):
    """(sign, log|det|) of each square matrix."""
    sign, logdet = jnp.linalg.slogdet(A)
    shape = _batch_shape(A)
    return sign.reshape(shape), logdet.reshape(shape)


# ----------------------------------------------------------------------------- diag / trian
def _extract_check(arrays, attrs):
    a = arrays[0]
    nd = a.ndim
    if nd < 2:
        raise MXNetError(f"Check failed: ndim >= 2 ({nd} vs. 2) : Input operand must be a "
                         f"tensor of matrices")
    if a.shape[-2] != a.shape[-1]:
        raise MXNetError(f"Check failed: (*in_attrs)[0][ndim-2] == (*in_attrs)[0][ndim-1] "
                         f"({a.shape[-2]} vs. {a.shape[-1]}) : Input operand must be a tensor "
                         f"of square matrices")
    off = attrs["offset"]
    n = a.shape[-1] - abs(off)
    if n <= 0:
        raise MXNetError(f"Check failed: n > 0 ({n} vs. 0) : Illegal offset {off} for "
                         f"diag/trian extraction of matrix with dimension {nd}")
    _float_check(a)


def _make_check(arrays, attrs):
    a = arrays[0]
    if a.ndim < 1:
        raise shape_fail("_linalg_makediag", arrays)
    _float_check(a)


@register("_linalg_extractdiag", ("A",), aliases=("linalg_extractdiag",),
          check=_extract_check, attrs={"offset": Int(0)})
def _extractdiag(A, offset):
    """The diagonal number ``offset`` of each square matrix."""
    return jnp.diagonal(A, offset=offset, axis1=-2, axis2=-1)


@register("_linalg_makediag", ("A",), aliases=("linalg_makediag",), check=_make_check,
          attrs={"offset": Int(0)})
def _makediag(A, offset):
    """Square matrices with the last axis of A on diagonal number ``offset``."""
    n = A.shape[-1]
    m = n + abs(offset)
    i = np.arange(n)
    rows, cols = (i, i + offset) if offset >= 0 else (i - offset, i)
    out = jnp.zeros(A.shape[:-1] + (m, m), A.dtype)
    return out.at[..., rows, cols].set(A)


def _trian_indices(n: int, offset: int, lower: bool):
    """(rows, cols) of the packed triangle, in MXNet's order: a lower triangle row by row,
    an upper triangle column by column. A non-zero offset decides the triangle."""
    use_lower = offset < 0 or (offset == 0 and lower)
    if use_lower:
        r, c = np.tril_indices(n, k=offset)
        return r, c
    r, c = np.tril_indices(n, k=-offset)
    return c, r


@register("_linalg_extracttrian", ("A",), aliases=("linalg_extracttrian",),
          check=_extract_check, attrs={"offset": Int(0), "lower": Bool(True)})
def _extracttrian(A, offset, lower):
    """The triangle (from diagonal ``offset`` on) of each square matrix, packed."""
    rows, cols = _trian_indices(A.shape[-1], offset, lower)
    return A[..., rows, cols]


def _tri_size(length: int) -> int:
    return int(math.floor((math.sqrt(8 * length + 1) - 1) / 2 + 0.5))


def _maketrian_check(arrays, attrs):
    a = arrays[0]
    if a.ndim < 1:
        raise shape_fail("_linalg_maketrian", arrays)
    n = a.shape[-1]
    m = _tri_size(n)
    if m * (m + 1) // 2 != n:
        raise MXNetError(f"Check failed: (m*(m+1))/2 == n ({m * (m + 1) // 2} vs. {n}) : "
                         f"Input tensor of maketrian has an invalid dimension for the last "
                         f"axis.")
    _float_check(a)


@register("_linalg_maketrian", ("A",), aliases=("linalg_maketrian",),
          check=_maketrian_check, attrs={"offset": Int(0), "lower": Bool(True)})
def _maketrian(A, offset, lower):
    """Triangular matrices from packed triangles (the inverse of extracttrian)."""
    m = _tri_size(A.shape[-1])
    n = m + abs(offset)
    rows, cols = _trian_indices(n, offset, lower)
    out = jnp.zeros(A.shape[:-1] + (n, n), A.dtype)
    return out.at[..., rows, cols].set(A)
