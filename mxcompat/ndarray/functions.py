"""``mx.nd`` functions written in Python over the registry (not generated from it):
creation with a context, and the binary functions that accept arrays or numbers."""
from __future__ import annotations

import numpy as np

from .._backend import dtypes as _dt
from ..base import MXNetError, numeric_types
from ..ops.registry import REGISTRY
from ._invoke import invoke
from .ndarray import NDArray, _resolve_ctx

__all__ = ["zeros", "ones", "full", "arange", "linspace", "eye", "add", "subtract",
           "multiply", "divide", "true_divide", "modulo", "power", "maximum", "minimum",
           "hypot", "equal", "not_equal", "greater", "greater_equal", "lesser",
           "lesser_equal", "logical_and", "logical_or", "logical_xor", "moveaxis",
           "concatenate", "onehot_encode", "histogram", "split_v2"]


def _shape(shape) -> tuple:
    return (int(shape),) if isinstance(shape, (int, np.integer)) else tuple(shape)


def _create(opname, ctx, out=None, **attrs):
    ctx = _resolve_ctx(ctx)
    return invoke(REGISTRY[opname], (), attrs, out=out, ctx=ctx)


def _known_shape(opname, shape, dtype, ctx):
    """MXNet's legacy shape rule: a 0 in a shape means 'unknown', so zeros/ones fail."""
    dims = _shape(shape)
    if len(dims) == 0 or any(d == 0 for d in dims):
        out = "[" + ",".join(str(-1 if d == 0 else d) for d in dims) + "]" if dims else "None"
        raise MXNetError(f"Operator {opname} inferring shapes failed.\ninput shapes:\n"
                         f"output shapes:\n{out}\noperator attributes:\ndtype : {dtype}\n"
                         f"ctx : {_resolve_ctx(ctx)}\nshape : {shape}")
    return dims


def zeros(shape, ctx=None, dtype=None, stype=None, **kwargs) -> NDArray:
    """An array of zeros (float32 unless ``dtype`` says otherwise)."""
    if stype not in (None, "default"):
        raise NotImplementedError(f"sparse storage type '{stype}' (nd.zeros) is not "
                                  "supported by mxcompat yet")
    dt = _dt.dtype_name(_dt.to_dtype(dtype))
    kwargs.pop("name", None)
    return _create("_zeros", ctx, kwargs.pop("out", None),
                   shape=_known_shape("_zeros", shape, dt, ctx), dtype=dt, **kwargs)


def ones(shape, ctx=None, dtype=None, **kwargs) -> NDArray:
    """An array of ones (float32 unless ``dtype`` says otherwise)."""
    dt = _dt.dtype_name(_dt.to_dtype(dtype))
    kwargs.pop("name", None)
    return _create("_ones", ctx, kwargs.pop("out", None),
                   shape=_known_shape("_ones", shape, dt, ctx), dtype=dt, **kwargs)


def full(shape, val, ctx=None, dtype=np.float32, out=None) -> NDArray:
    """An array filled with ``val``."""
    return _create("_full", ctx, out, shape=_shape(shape), value=float(val),
                   dtype=_dt.dtype_name(_dt.to_dtype(dtype)))


def arange(start, stop=None, step=1.0, repeat=1, infer_range=None, ctx=None,
           dtype=np.float32) -> NDArray:
    """Evenly spaced values in [start, stop), each repeated ``repeat`` times."""
    return _create("_arange", ctx, start=start, stop=stop, step=step, repeat=repeat,
                   dtype=_dt.dtype_name(_dt.to_dtype(dtype)))


def linspace(start, stop, num, endpoint=True, ctx=None, dtype=np.float32) -> NDArray:
    """``num`` evenly spaced values from start to stop."""
    return _create("_linspace", ctx, start=start, stop=stop, num=num, endpoint=endpoint,
                   dtype=_dt.dtype_name(_dt.to_dtype(dtype)))


def eye(N, M=0, k=0, ctx=None, dtype=None, **kwargs) -> NDArray:
    """A 2-D array with ones on the k-th diagonal."""
    return _create("_eye", ctx, N=N, M=M, k=k, dtype=_dt.dtype_name(_dt.to_dtype(dtype)))


def _binary(lhs, rhs, array_op, scalar_op, rscalar_op, py_fn):
    """Dispatch on argument types the way MXNet's nd.add & co. do."""
    if isinstance(lhs, NDArray):
        if isinstance(rhs, NDArray):
            return invoke(REGISTRY[array_op], (lhs, rhs), {})
        if isinstance(rhs, numeric_types):
            return invoke(REGISTRY[scalar_op], (lhs,), {"scalar": rhs})
    elif isinstance(lhs, numeric_types):
        if isinstance(rhs, NDArray):
            return invoke(REGISTRY[rscalar_op], (rhs,), {"scalar": lhs})
        if isinstance(rhs, numeric_types):
            return py_fn(lhs, rhs)
    raise TypeError("type %s not supported" % str(type(rhs if isinstance(lhs, NDArray)
                                                          else lhs)))


def _mk(name, array_op, scalar_op, rscalar_op, py_fn):
    def fn(lhs, rhs):
        return _binary(lhs, rhs, array_op, scalar_op, rscalar_op, py_fn)
    fn.__name__ = fn.__qualname__ = name
    fn.__doc__ = f"Elementwise {name} of two arrays (broadcasting) or an array and a number."
    return fn


import operator as _o  # noqa: E402

add = _mk("add", "broadcast_add", "_plus_scalar", "_plus_scalar", _o.add)
subtract = _mk("subtract", "broadcast_sub", "_minus_scalar", "_rminus_scalar", _o.sub)
multiply = _mk("multiply", "broadcast_mul", "_mul_scalar", "_mul_scalar", _o.mul)
divide = _mk("divide", "broadcast_div", "_div_scalar", "_rdiv_scalar", _o.truediv)
true_divide = divide
modulo = _mk("modulo", "broadcast_mod", "_mod_scalar", "_rmod_scalar", _o.mod)
power = _mk("power", "broadcast_power", "_power_scalar", "_rpower_scalar", _o.pow)
maximum = _mk("maximum", "broadcast_maximum", "_maximum_scalar", "_maximum_scalar", max)
minimum = _mk("minimum", "broadcast_minimum", "_minimum_scalar", "_minimum_scalar", min)
hypot = _mk("hypot", "broadcast_hypot", "_hypot_scalar", "_hypot_scalar",
            lambda a, b: float(np.hypot(a, b)))
equal = _mk("equal", "broadcast_equal", "_equal_scalar", "_equal_scalar",
            lambda a, b: float(a == b))
not_equal = _mk("not_equal", "broadcast_not_equal", "_not_equal_scalar",
                "_not_equal_scalar", lambda a, b: float(a != b))
greater = _mk("greater", "broadcast_greater", "_greater_scalar", "_lesser_scalar",
              lambda a, b: float(a > b))
greater_equal = _mk("greater_equal", "broadcast_greater_equal", "_greater_equal_scalar",
                    "_lesser_equal_scalar", lambda a, b: float(a >= b))
lesser = _mk("lesser", "broadcast_lesser", "_lesser_scalar", "_greater_scalar",
             lambda a, b: float(a < b))
lesser_equal = _mk("lesser_equal", "broadcast_lesser_equal", "_lesser_equal_scalar",
                   "_greater_equal_scalar", lambda a, b: float(a <= b))
logical_and = _mk("logical_and", "broadcast_logical_and", "_logical_and_scalar",
                  "_logical_and_scalar", lambda a, b: float(bool(a) and bool(b)))
logical_or = _mk("logical_or", "broadcast_logical_or", "_logical_or_scalar",
                 "_logical_or_scalar", lambda a, b: float(bool(a) or bool(b)))
logical_xor = _mk("logical_xor", "broadcast_logical_xor", "_logical_xor_scalar",
                  "_logical_xor_scalar", lambda a, b: float(bool(a) != bool(b)))


def moveaxis(tensor: NDArray, source, destination) -> NDArray:
    """Move axes of an array to new positions (others keep their order)."""
    nd_ = tensor.ndim
    src = [source] if isinstance(source, int) else list(source)
    dst = [destination] if isinstance(destination, int) else list(destination)
    src = [s % nd_ for s in src]
    dst = [d % nd_ for d in dst]
    if len(src) != len(dst):
        raise ValueError("`source` and `destination` arguments must have the same number "
                         "of elements")
    order = [n for n in range(nd_) if n not in src]
    for d, s in sorted(zip(dst, src)):
        order.insert(d, s)
    return invoke(REGISTRY["transpose"], (tensor,), {"axes": tuple(order)})


def concatenate(arrays, axis=0, always_copy=True) -> NDArray:
    """Join a list of arrays along an existing axis."""
    if not always_copy and len(arrays) == 1:
        return arrays[0]
    return invoke(REGISTRY["Concat"], list(arrays), {"dim": axis, "num_args": len(arrays)})


def histogram(a: NDArray, bins=10, range=None):
    """Counts of ``a`` in ``bins`` (an int with ``range``, or an NDArray of edges);
    returns (counts, edges)."""
    import warnings
    from .ndarray import array
    if isinstance(bins, NDArray):
        return invoke(REGISTRY["_histogram"], (a, bins), {})
    if isinstance(bins, (int, np.integer)):
        if range is None:
            warnings.warn("range is not specified, using numpy's result to ensure "
                          "consistency with numpy")
            counts, edges = np.histogram(a.asnumpy(), bins=bins)
            return array(counts), array(edges)
        return invoke(REGISTRY["_histogram"], (a,), {"bin_cnt": bins, "range": range})
    raise ValueError("bins argument should be either an integer or an NDArray")


def split_v2(ary: NDArray, indices_or_sections, axis: int = 0, squeeze_axis: bool = False):
    """Split into equal sections (an int) or at the given indices (a tuple)."""
    if isinstance(indices_or_sections, (int, np.integer)):
        attrs = {"sections": int(indices_or_sections), "indices": ()}
    elif isinstance(indices_or_sections, tuple):
        attrs = {"sections": 0, "indices": (0,) + tuple(indices_or_sections)}
    else:
        raise ValueError("indices_or_sections must either int or tuple of ints")
    out = invoke(REGISTRY["_split_v2"], (ary,),
                 dict(attrs, axis=axis, squeeze_axis=squeeze_axis))
    return out if isinstance(out, list) else [out]


def onehot_encode(indices: NDArray, out: NDArray) -> NDArray:
    """Write the one-hot encoding of ``indices`` into ``out`` (depth = out.shape[1])."""
    return invoke(REGISTRY["one_hot"], (indices,),
                  {"depth": out.shape[1], "dtype": _dt.dtype_name(out._dtype)}, out=out)
