"""``mx.test_utils``: the helpers MXNet's own tests (and many user tests) are written with.

Tolerances default per dtype; ``assert_almost_equal`` prints MXNet's report of the largest
violations and raises an AssertionError with numpy's message layout. The random helpers
(``random_arrays``, ``rand_ndarray``, ``rand_shape_*``) draw from numpy's global RNG, as in
MXNet: they are test-data helpers, not the library's random source. The symbol helpers
(``simple_forward``, ``check_numeric_gradient``, ``check_symbolic_forward/backward``,
``check_consistency``) run on the Executor; the finite differences of
``check_numeric_gradient`` are computed for all perturbations of an argument in one
vectorised compiled call.
"""
from __future__ import annotations

import numbers
import logging
import os
import sys
import traceback
from contextlib import contextmanager

import numpy as np
import numpy.testing as npt

from . import ndarray as _nd
from .context import Context, current_context
from .ndarray.ndarray import NDArray

__all__ = [
    "default_context", "set_default_context", "default_dtype", "default_rtols",
    "default_atols", "default_numeric_eps", "effective_dtype", "get_tolerance", "get_tols",
    "get_atol", "get_rtol", "get_etol", "random_arrays", "random_uniform_arrays",
    "random_sample", "rand_ndarray", "rand_sparse_ndarray", "rand_shape_2d",
    "rand_shape_3d", "rand_shape_nd", "rand_coord_2d", "np_reduce", "same", "checkShapes",
    "almost_equal", "locationError", "assert_almost_equal", "assert_allclose",
    "assert_almost_equal_with_err", "assert_almost_equal_ignore_nan", "assert_exception",
    "retry", "simple_forward", "numeric_grad", "check_numeric_gradient",
    "check_symbolic_forward", "check_symbolic_backward", "check_consistency", "list_gpus",
    "same_array", "discard_stderr", "DummyIter", "gen_buckets_probs_with_ppf", "mean_check",
    "var_check", "chi_square_check", "verify_generator", "compare_ndarray_tuple",
    "environment", "setenv", "getenv", "collapse_sum_like", "assign_each", "assign_each2",
    "create_2d_tensor", "create_vector", "get_identity_mat", "get_identity_mat_batch",
    "download", "is_cd_run", "is_aarch64_run", "has_tvm_ops", "is_op_runnable",
]

_INT_KINDS = (np.bool_, np.int8, np.uint8, np.int32, np.uint32, np.int64, np.uint64)


# --------------------------------------------------------------------------- defaults
def default_context() -> Context:
    """The context tests run on (the current default context)."""
    return current_context()


def set_default_context(ctx: Context) -> None:
    """Make ``ctx`` the default context."""
    from .context import _set_current_context
    _set_current_context(ctx)


def default_dtype():
    """The dtype test data is made in (``np.float32``)."""
    return np.float32


def _per_dtype(f16, f32, f64, ints) -> dict:
    out = {np.dtype(np.float16): f16, np.dtype(np.float32): f32, np.dtype(np.float64): f64}
    out.update({np.dtype(t): ints for t in _INT_KINDS})
    return out


def default_rtols() -> dict:
    """Relative tolerance per dtype."""
    return _per_dtype(1e-2, 1e-4, 1e-5, 0)


def default_atols() -> dict:
    """Absolute tolerance per dtype."""
    return _per_dtype(1e-1, 1e-3, 1e-20, 0)


def default_numeric_eps() -> dict:
    """Finite-difference step per float dtype (powers of two)."""
    return {np.dtype(np.float16): 1.0 / 2 ** 6, np.dtype(np.float32): 1.0 / 2 ** 9,
            np.dtype(np.float64): 1.0 / 2 ** 14}


def effective_dtype(dat) -> np.dtype:
    """The dtype whose tolerances apply to ``dat``."""
    return np.dtype(dat.dtype)


def get_tolerance(dat, tol, default_tol: dict):
    """``tol`` when a number, else its (or the default) entry for ``dat``'s dtype."""
    if isinstance(tol, numbers.Number):
        return tol
    dtype = effective_dtype(dat)
    tol = {} if tol is None else tol
    return tol.get(dtype, default_tol[dtype])


def get_tols(x, y, rtol, atol):
    """The (rtol, atol) to compare ``x`` with ``y``: the larger default of the two."""
    if isinstance(x, numbers.Number):
        x = np.array(x)
    if isinstance(y, numbers.Number):
        y = np.array(y)
    rtol_ = max(get_tolerance(x, rtol, default_rtols()), get_tolerance(y, rtol, default_rtols()))
    atol_ = max(get_tolerance(x, atol, default_atols()), get_tolerance(y, atol, default_atols()))
    return rtol_, atol_


def get_atol(atol=None, dtype=np.dtype(np.float64)):
    """``atol``, or the default for ``dtype``."""
    return default_atols()[dtype] if atol is None else atol


def get_rtol(rtol=None, dtype=np.dtype(np.float64)):
    """``rtol``, or the default for ``dtype``."""
    return default_rtols()[dtype] if rtol is None else rtol


def get_etol(etol=None):
    """``etol``, or 0."""
    return 0 if etol is None else etol


# --------------------------------------------------------------------------- random data (numpy's RNG)
def random_arrays(*shapes):
    """Standard-normal float32 numpy arrays (one array unwrapped, several as a list)."""
    arrays = [np.array(np.random.randn(), dtype=default_dtype()) if len(s) == 0
              else np.random.randn(*s).astype(default_dtype()) for s in shapes]
    return arrays[0] if len(arrays) == 1 else arrays


def random_uniform_arrays(*shapes, **kwargs):
    """Uniform numpy arrays in [low, high) (always a list)."""
    low = kwargs.pop("low", 0.0)
    high = kwargs.pop("high", 1.0)
    dtype = kwargs.pop("dtype", default_dtype())
    if kwargs:
        raise TypeError("Got unexpected argument/s : " + str(kwargs.keys()))
    return [np.random.uniform(low, high, size=s).astype(dtype) for s in shapes]


def random_sample(population, k):
    """``k`` elements of ``population`` in random order."""
    assert 0 <= k <= len(population)
    pool = population[:]
    np.random.shuffle(pool)
    return pool[0:k]


def rand_ndarray(shape, stype="default", density=None, dtype=None, modifier_func=None,
                 shuffle_csr_indices=False, distribution=None, ctx=None) -> NDArray:
    """A dense NDArray of standard-normal values (numpy's RNG)."""
    ctx = ctx if ctx else default_context()
    if stype == "default":
        return _nd.array(np.random.randn(*shape), dtype=dtype, ctx=ctx)
    return rand_sparse_ndarray(shape, stype, density=density, dtype=dtype,
                               distribution=distribution, ctx=ctx)[0]


def rand_sparse_ndarray(shape, stype, density=None, dtype=None, distribution=None,
                        data_init=None, rsp_indices=None, modifier_func=None,
                        shuffle_csr_indices=False, ctx=None):
    raise NotImplementedError("rand_sparse_ndarray: sparse storage types ('%s') are not "
                              "supported by mxcompat" % stype)


def rand_shape_2d(dim0=10, dim1=10, allow_zero_size=False):
    """A random 2-d shape with sides in [1, dim] ([0, dim] with allow_zero_size)."""
    low = 0 if allow_zero_size else 1
    return np.random.randint(low, dim0 + 1), np.random.randint(low, dim1 + 1)


def rand_shape_3d(dim0=10, dim1=10, dim2=10, allow_zero_size=False):
    """A random 3-d shape."""
    low = 0 if allow_zero_size else 1
    return (np.random.randint(low, dim0 + 1), np.random.randint(low, dim1 + 1),
            np.random.randint(low, dim2 + 1))


def rand_shape_nd(num_dim, dim=10, allow_zero_size=False):
    """A random ``num_dim``-d shape."""
    low = 0 if allow_zero_size else 1
    return tuple(int(d) for d in np.random.randint(low, dim + 1, size=num_dim))


def rand_coord_2d(x_low, x_high, y_low, y_high):
    """A random integer coordinate."""
    x = np.random.randint(x_low, x_high, dtype=np.int64)
    y = np.random.randint(y_low, y_high, dtype=np.int64)
    return x, y


# --------------------------------------------------------------------------- numpy helpers
def np_reduce(dat, axis, keepdims, numpy_reduce_func):
    """Reduce ``dat`` over ``axis`` (int, list or None) one axis at a time."""
    if isinstance(axis, int):
        axes = [axis]
    else:
        axes = list(axis) if axis is not None else list(range(len(dat.shape)))
    ret = dat
    for i in sorted(axes, reverse=True):
        ret = numpy_reduce_func(ret, axis=i)
    if keepdims:
        shape = list(dat.shape)
        for i in axes:
            shape[i] = 1
        ret = ret.reshape(tuple(shape))
    return ret


def collapse_sum_like(a, shape):
    """Sum ``a`` over the axes where ``shape`` broadcasts (numpy)."""
    assert len(a.shape) >= len(shape)
    if np.prod(shape) == 0 or a.size == 0:
        return np.zeros(shape, dtype=a.dtype)
    lead = len(a.shape) - len(shape)
    axes = list(range(lead))
    for i, s in enumerate(shape):
        if s != a.shape[i + lead]:
            assert s == 1
            axes.append(i + lead)
    return np.sum(a, axis=tuple(axes)).reshape(shape)


def assign_each(the_input, function):
    """``function`` applied to every element (a numpy array; ``the_input`` if None)."""
    if function is None:
        return the_input
    return np.vectorize(function)(the_input)


def assign_each2(input1, input2, function):
    """``function`` applied to every pair of elements."""
    if function is None:
        return input1
    return np.vectorize(function)(input1, input2)


def create_2d_tensor(rows, columns, dtype=np.int64) -> NDArray:
    """A rows x columns NDArray whose row i holds i."""
    a = np.arange(0, rows).reshape(rows, 1)
    return _nd.array(np.broadcast_to(a, shape=(rows, columns)), dtype=dtype)


def create_vector(size, dtype=np.int64) -> NDArray:
    """``arange(size)`` as an NDArray."""
    return _nd.arange(0, size, dtype=dtype)


def get_identity_mat(size) -> NDArray:
    """An identity matrix NDArray."""
    return _nd.array(np.eye(size))


def get_identity_mat_batch(size) -> NDArray:
    """Two stacked identity matrices."""
    eye = np.eye(size)
    return _nd.array(np.stack([eye, eye]))


# --------------------------------------------------------------------------- comparisons
def same(a, b) -> bool:
    """Whether two numpy arrays are equal."""
    return np.array_equal(a, b)


def checkShapes(a, b) -> None:  # noqa: N802  (MXNet's name)
    """AssertionError when the shapes differ."""
    if a.shape != b.shape:
        raise AssertionError(_err_msg(
            [a, b], "a.shape = {} and b.shape = {} are not equal".format(
                str(a.shape), str(b.shape))))


def almost_equal(a, b, rtol=None, atol=None, equal_nan=False, use_broadcast=True) -> bool:
    """``np.allclose`` with the float64 default tolerances."""
    if not use_broadcast:
        checkShapes(a, b)
    return bool(np.allclose(a, b, rtol=get_rtol(rtol), atol=get_atol(atol),
                            equal_nan=equal_nan))


def locationError(a, b, index, names, maxError=False) -> str:  # noqa: N802,N803
    """The 'Location of error' text for element ``index``."""
    which = "maximum " if maxError else ""
    return "Location of %serror: %s, %s=%.8f, %s=%.8f" % (
        which, str(index), names[0], a[index], names[1], b[index])


def _max_violation(a, b, rtol, atol):
    """(index, value) of the largest |a-b| / (atol + rtol*|b|)."""
    diff = np.where(np.equal(a, b), 0, np.abs(a - b))
    violation = diff / (atol + rtol * np.abs(b) + 1e-20)
    flat = np.argmax(violation)
    index = tuple(int(i) for i in np.unravel_index(flat, violation.shape))
    return index, np.max(violation)


def _err_msg(arrays, msg: str) -> str:
    """numpy's assertion message, with arrays printed as NumPy 1.x printed them (no
    ``shape=`` suffix, plain scalars), as MXNet's messages show them."""
    opts = np.get_printoptions()
    legacy = {"legacy": "1.25"} if int(np.__version__.split(".")[0]) >= 2 else {}
    with np.printoptions(**dict(opts, **legacy)):
        return npt.build_err_msg(arrays, err_msg=msg)


def _to_numpy(x):
    return x.asnumpy() if isinstance(x, NDArray) else x


def _fail(a, b, rtol, atol, names, equal_nan, mismatches):
    """Print the violation report and raise MXNet's AssertionError."""
    index, rel = _max_violation(a, b, rtol, atol)
    if index != ():
        show, count = mismatches
        print("\n*** Maximum errors for vector of size {}:  rtol={}, atol={}\n".format(
            a.size, rtol, atol))
        work_a, work_b = a.copy(), b.copy()
        top_index, top_rel = index, rel
        n = 1
        while n <= a.size:
            if n <= show:
                print("%3d: Error %f  %s" % (n, rel, locationError(a, b, index, names)))
            work_a[index] = 0
            work_b[index] = 0
            if almost_equal(work_a, work_b, rtol, atol, equal_nan=equal_nan):
                break
            n += 1
            if count > 0 and n > count:
                break
            index, rel = _max_violation(work_a, work_b, rtol, atol)
        degree = "at least " if count > 0 and n > count else ""
        msg = "Error %f exceeds tolerance rtol=%e, atol=%e (mismatch %s%f%%).\n%s" % (
            top_rel, rtol, atol, degree, 100 * n / a.size,
            locationError(a, b, top_index, names, maxError=True))
    else:
        msg = "Error %f exceeds tolerance rtol=%e, atol=%e.\n" % (rel, rtol, atol)
    # MXNet leaves these print options set after a failure
    np.set_printoptions(threshold=4, suppress=True)
    raise AssertionError(_err_msg([a, b], msg))


def assert_almost_equal(a, b, rtol=None, atol=None, names=("a", "b"), equal_nan=False,
                        use_broadcast=True, mismatches=(10, 10)) -> None:
    """AssertionError (with a report of the worst elements) unless ``a`` and ``b`` are
    close; tolerances default to the larger per-dtype default of the two."""
    if not use_broadcast:
        checkShapes(a, b)
    rtol, atol = get_tols(a, b, rtol, atol)
    a, b = _to_numpy(a), _to_numpy(b)
    if getattr(a, "dtype", None) == np.bool_ and getattr(b, "dtype", None) == np.bool_:
        np.testing.assert_equal(a, b)
        return
    if almost_equal(a, b, rtol, atol, equal_nan=equal_nan):
        return
    _fail(a, b, rtol, atol, names, equal_nan, mismatches)


def assert_allclose(a, b, rtol=1e-07, atol=0, equal_nan=True) -> None:
    """``assert_almost_equal`` with numpy's assert_allclose defaults."""
    assert_almost_equal(a, b, rtol=rtol, atol=atol, equal_nan=equal_nan)


def assert_almost_equal_with_err(a, b, rtol=None, atol=None, etol=None, names=("a", "b"),
                                 equal_nan=False, mismatches=(10, 10)) -> None:
    """Like ``assert_almost_equal`` but passes when at most a fraction ``etol`` of the
    elements differ."""
    etol = get_etol(etol)
    if etol <= 0:
        assert_almost_equal(a, b, rtol=rtol, atol=atol, equal_nan=equal_nan)
        return
    rtol, atol = get_tols(a, b, rtol, atol)
    a, b = _to_numpy(a), _to_numpy(b)
    close = np.isclose(a, b, rtol=rtol, atol=atol)
    err = 1 - np.count_nonzero(close) / close.size
    if err > etol:
        _fail(a, b, rtol, atol, names, equal_nan, mismatches)


def assert_almost_equal_ignore_nan(a, b, rtol=None, atol=None, names=("a", "b")) -> None:
    """``assert_almost_equal`` with positions that are NaN in either input zeroed."""
    a = np.copy(_to_numpy(a))
    b = np.copy(_to_numpy(b))
    nan = np.logical_or(np.isnan(a), np.isnan(b))
    a[nan] = 0
    b[nan] = 0
    assert_almost_equal(a, b, rtol, atol, names)


def compare_ndarray_tuple(t1, t2, rtol=None, atol=None) -> None:
    """Compare (nested tuples of) NDArrays."""
    if t1 is None or t2 is None:
        return
    if isinstance(t1, tuple):
        for s1, s2 in zip(t1, t2):
            compare_ndarray_tuple(s1, s2, rtol, atol)
    else:
        assert_almost_equal(t1, t2, rtol=rtol, atol=atol)


def assert_exception(f, exception_type, *args, **kwargs) -> None:
    """AssertionError unless ``f(*args, **kwargs)`` raises ``exception_type``."""
    try:
        f(*args, **kwargs)
    except exception_type:
        return
    raise AssertionError()


def retry(n: int):
    """A decorator running a test up to ``n`` times until it passes no AssertionError."""
    assert n > 0

    def decorate(f):
        def wrapper(*args, **kwargs):
            for i in range(n):
                try:
                    f(*args, **kwargs)
                    return
                except AssertionError:
                    if i == n - 1:
                        raise
                    _nd.waitall()
        wrapper.__name__ = getattr(f, "__name__", "wrapper")
        wrapper.__doc__ = f.__doc__
        return wrapper
    return decorate


def same_array(array1: NDArray, array2: NDArray) -> bool:
    """Whether two NDArrays share storage (found by writing to the first)."""
    array1[:] += 1
    if not same(array1.asnumpy(), array2.asnumpy()):
        array1[:] -= 1
        return False
    array1[:] -= 1
    return same(array1.asnumpy(), array2.asnumpy())


# --------------------------------------------------------------------------- symbols
def _sorted_dict(d: dict) -> dict:
    return {k: d[k] for k in sorted(d)}


def _parse_location(sym, location, ctx, dtype=np.float32) -> dict:
    """Argument name -> NDArray from a list (argument order) or a dict of arrays."""
    assert isinstance(location, (dict, list, tuple))
    assert dtype == "asnumpy" or dtype in (np.float16, np.float32, np.float64)
    args = sym.list_arguments()
    if isinstance(location, dict):
        if set(location.keys()) != set(args):
            raise ValueError("Symbol arguments and keys of the given location do not match."
                             "symbol args:%s, location.keys():%s"
                             % (str(set(args)), str(set(location.keys()))))
    else:
        location = dict(zip(args, location))
    location = {k: _nd.array(v, ctx=ctx, dtype=v.dtype if dtype == "asnumpy" else dtype)
                if isinstance(v, np.ndarray) else v for k, v in location.items()}
    return _sorted_dict(location)


def _parse_aux_states(sym, aux_states, ctx, dtype=np.float32):
    """Aux name -> NDArray from a list or dict (None stays None)."""
    assert dtype == "asnumpy" or dtype in (np.float16, np.float32, np.float64)
    if aux_states is None:
        return None
    names = sym.list_auxiliary_states()
    if isinstance(aux_states, dict):
        if set(aux_states.keys()) != set(names):
            raise ValueError("Symbol aux_states names and given aux_states do not match."
                             "symbol aux_names:%s, aux_states.keys:%s"
                             % (str(set(names)), str(set(aux_states.keys()))))
    elif isinstance(aux_states, (list, tuple)):
        aux_states = dict(zip(names, aux_states))
    return {k: _nd.array(v, ctx=ctx, dtype=v.dtype if dtype == "asnumpy" else dtype)
            for k, v in aux_states.items()}


def simple_forward(sym, ctx=None, is_train=False, **inputs):
    """Run ``sym`` on numpy inputs; a numpy array (or a list for several outputs)."""
    ctx = ctx or default_context()
    args = {k: _nd.array(v) for k, v in inputs.items()}
    exe = sym.bind(ctx, args=args)
    exe.forward(is_train=is_train)
    outputs = [x.asnumpy() for x in exe.outputs]
    return outputs[0] if len(outputs) == 1 else outputs


def _batched_forward(executor, name: str, use_forward_train: bool):
    """A compiled function: stacked values of argument ``name`` -> stacked first output
    (None when the executor does not expose its graph)."""
    import jax
    compiled = getattr(executor, "_compiled", None)
    plan = getattr(compiled, "plan", None)
    if plan is None or not hasattr(plan, "run"):
        return None
    pos = executor._arg_names.index(name)
    train = bool(use_forward_train)

    def one(value, args, auxs, key):
        full = list(args)
        full[pos] = value
        outs, _ = plan.run(full, auxs, key, train)
        return outs[0]

    return jax.jit(jax.vmap(one, in_axes=(0, None, None, None)))


def numeric_grad(executor, location, aux_states=None, eps=1e-4, use_forward_train=True,
                 dtype=np.float32) -> dict:
    """Central finite differences of ``sum(outputs[0])`` for every float argument.

    All perturbations of one argument run as one vectorised compiled call (in chunks);
    the sums are taken on the host in the output's dtype, as MXNet does.
    """
    from ._backend import rng as _rng
    assert dtype in (np.float16, np.float32, np.float64)
    grads = {k: np.zeros(v.shape, dtype=dtype) for k, v in location.items()}
    for k, v in location.items():
        executor.arg_dict[k][:] = _nd.array(v, dtype=dtype)
    if aux_states is not None:
        for key, val in aux_states.items():
            executor.aux_dict[key][:] = val
    location = {k: np.asarray(v, order="C") for k, v in location.items()}
    ctx = executor._ctx
    for k, v in location.items():
        if v.dtype.kind != "f":
            continue
        n = int(np.prod(v.shape))
        if n == 0:
            continue
        base = v.astype(dtype).ravel()
        plus = np.repeat(v[None].astype(v.dtype), n, axis=0).reshape(n, -1)
        minus = plus.copy()
        plus[np.arange(n), np.arange(n)] += eps / 2.0
        minus[np.arange(n), np.arange(n)] -= eps / 2.0
        plus = plus.astype(dtype).reshape((n,) + v.shape)
        minus = minus.astype(dtype).reshape((n,) + v.shape)
        fn = _batched_forward(executor, k, use_forward_train)
        if fn is not None:
            import jax
            args = [a._array for a in executor.arg_arrays]
            auxs = [a._array for a in executor.aux_arrays]
            key = _rng.next_key((ctx.device_type, ctx.device_id))
            chunk = 512
            f_p, f_n = [], []
            for s in range(0, n, chunk):
                f_p.append(np.asarray(fn(jax.numpy.asarray(plus[s:s + chunk]), args, auxs,
                                         key)))
                f_n.append(np.asarray(fn(jax.numpy.asarray(minus[s:s + chunk]), args, auxs,
                                         key)))
            f_p = np.concatenate(f_p)
            f_n = np.concatenate(f_n)
        else:  # pragma: no cover - an executor without a graph plan
            f_p, f_n = [], []
            for i in range(n):
                executor.arg_dict[k][:] = plus[i]
                f_p.append(executor.forward(is_train=use_forward_train)[0].asnumpy())
                executor.arg_dict[k][:] = minus[i]
                f_n.append(executor.forward(is_train=use_forward_train)[0].asnumpy())
            f_p, f_n = np.stack(f_p), np.stack(f_n)
        diff = (f_p - f_n).reshape(n, -1).sum(axis=1) / eps
        grads[k] = diff.astype(dtype).reshape(v.shape)
        executor.arg_dict[k][:] = base.reshape(v.shape)
    return grads


def check_numeric_gradient(sym, location, aux_states=None, numeric_eps=None, rtol=None,
                           atol=None, grad_nodes=None, use_forward_train=True, ctx=None,
                           grad_stype_dict=None, dtype=np.float32) -> None:
    """Compare the executor's gradients with finite differences of
    ``sum(sym * random_projection)``."""
    from . import symbol as _sym
    assert dtype in (np.float16, np.float32, np.float64)
    if ctx is None:
        ctx = default_context()
    location = _parse_location(sym=sym, location=location, ctx=ctx, dtype=dtype)
    location_npy = {k: v.asnumpy() for k, v in location.items()}
    aux_states = _parse_aux_states(sym=sym, aux_states=aux_states, ctx=ctx, dtype=dtype)
    aux_states_npy = None if aux_states is None else {k: v.asnumpy()
                                                      for k, v in aux_states.items()}
    if grad_nodes is None:
        grad_nodes = sym.list_arguments()
        grad_req = {k: "write" for k in grad_nodes}
    elif isinstance(grad_nodes, (list, tuple)):
        grad_nodes = list(grad_nodes)
        grad_req = {k: "write" for k in grad_nodes}
    elif isinstance(grad_nodes, dict):
        grad_req = grad_nodes.copy()
        grad_nodes = list(grad_nodes.keys())
    else:
        raise ValueError
    _, out_shape, _ = sym.infer_shape(**{k: v.shape for k, v in location.items()})
    proj = _sym.Variable("__random_proj")
    out = _sym.make_loss(sym * proj)
    location = dict(list(location.items()) + [(
        "__random_proj", _nd.array(np.random.rand(*out_shape[0]) + 0.1, ctx=ctx,
                                   dtype=dtype))])
    args_grad_npy = dict([(k, np.random.normal(0, 0.01, size=location[k].shape))
                          for k in grad_nodes]
                         + [("__random_proj", np.random.normal(0, 0.01, size=out_shape[0]))])
    args_grad = {k: _nd.array(v, ctx=ctx, dtype=dtype) for k, v in args_grad_npy.items()}
    executor = out.bind(ctx, grad_req=grad_req, args=location, args_grad=args_grad,
                        aux_states=aux_states)
    if len(executor.arg_arrays) != len(location):
        raise ValueError("Executor arg_arrays and and location len do not match."
                         "Got %d inputs and %d locations"
                         % (len(executor.arg_arrays), len(location)))
    assert len(executor.outputs) == 1
    executor.forward(is_train=True)
    eps = get_tolerance(executor.outputs[0], numeric_eps, default_numeric_eps())
    if dtype in (np.float32, np.float16):
        assert eps >= 1e-5
    executor.backward()
    symbolic_grads = executor.grad_dict
    numeric = numeric_grad(executor, location_npy, aux_states_npy, eps=eps,
                           use_forward_train=use_forward_train, dtype=dtype)
    for name in grad_nodes:
        fd_grad = numeric[name]
        orig_grad = args_grad_npy[name]
        sym_grad = symbolic_grads[name]
        names = ("NUMERICAL_%s" % name, "BACKWARD_%s" % name)
        req = grad_req[name]
        if req == "write":
            assert_almost_equal(fd_grad, sym_grad, rtol, atol, names)
        elif req == "add":
            assert_almost_equal(fd_grad, _to_numpy(sym_grad) - orig_grad, rtol, atol, names)
        elif req == "null":
            assert_almost_equal(orig_grad, sym_grad, rtol, atol, names)
        else:
            raise ValueError("Invalid grad_req %s for argument %s" % (req, name))


def check_symbolic_forward(sym, location, expected, rtol=None, atol=None, aux_states=None,
                           ctx=None, equal_nan=False, dtype=np.float32):
    """Compare ``sym``'s forward outputs with ``expected`` (list or dict by output)."""
    assert dtype == "asnumpy" or dtype in (np.float16, np.float32, np.float64)
    if ctx is None:
        ctx = default_context()
    location = _parse_location(sym=sym, location=location, ctx=ctx, dtype=dtype)
    aux_states = _parse_aux_states(sym=sym, aux_states=aux_states, ctx=ctx, dtype=dtype)
    if isinstance(expected, dict):
        expected = [expected[k] for k in sym.list_outputs()]
    grads = {k: _nd.zeros(v.shape, ctx=ctx, dtype=v.dtype if dtype == "asnumpy" else dtype)
             for k, v in location.items()}
    executor = sym.bind(ctx=ctx, args=location, args_grad=grads, aux_states=aux_states)
    executor.forward(is_train=False)
    for name, expect, output in zip(sym.list_outputs(), expected, executor.outputs):
        assert_almost_equal(expect, output, rtol, atol,
                            ("EXPECTED_%s" % name, "FORWARD_%s" % name), equal_nan=equal_nan)
    return executor.outputs


def check_symbolic_backward(sym, location, out_grads, expected, rtol=None, atol=None,
                            aux_states=None, grad_req="write", ctx=None, grad_stypes=None,
                            equal_nan=False, dtype=np.float32):
    """Compare ``sym``'s gradients (given head gradients) with ``expected``."""
    assert dtype == "asnumpy" or dtype in (np.float16, np.float32, np.float64)
    if ctx is None:
        ctx = default_context()
    location = _parse_location(sym=sym, location=location, ctx=ctx, dtype=dtype)
    aux_states = _parse_aux_states(sym=sym, aux_states=aux_states, ctx=ctx, dtype=dtype)
    if isinstance(expected, (list, tuple)):
        expected = dict(zip(sym.list_arguments(), expected))
    args_grad_npy = {k: np.random.normal(size=v.shape) for k, v in sorted(expected.items())}
    args_grad = {}
    for k, v in args_grad_npy.items():
        if grad_stypes is not None and grad_stypes.get(k) not in (None, "default"):
            raise NotImplementedError("check_symbolic_backward: sparse gradient storage "
                                      "is not supported by mxcompat")
        args_grad[k] = _nd.array(v, ctx=ctx,
                                 dtype=expected[k].dtype if dtype == "asnumpy" else dtype)
    if isinstance(grad_req, str):
        grad_req = {k: grad_req for k in sym.list_arguments()}
    elif isinstance(grad_req, (list, tuple)):
        grad_req = dict(zip(sym.list_arguments(), grad_req))
    executor = sym.bind(ctx=ctx, args=location, args_grad=args_grad, aux_states=aux_states,
                        grad_req=grad_req)
    executor.forward(is_train=True)

    def as_nd(v):
        if isinstance(v, np.ndarray):
            return _nd.array(v, ctx=ctx, dtype=v.dtype if dtype == "asnumpy" else dtype)
        return v
    if isinstance(out_grads, (tuple, list)):
        out_grads = [as_nd(v) for v in out_grads]
    elif isinstance(out_grads, dict):
        out_grads = {k: as_nd(v) for k, v in out_grads.items()}
    else:
        assert out_grads is None
    executor.backward(out_grads)
    for name in expected:
        names = ("EXPECTED_%s" % name, "BACKWARD_%s" % name)
        req = grad_req[name]
        if req == "write":
            assert_almost_equal(expected[name], args_grad[name], rtol, atol, names,
                                equal_nan=equal_nan)
        elif req == "add":
            assert_almost_equal(expected[name], args_grad[name].asnumpy() - args_grad_npy[name],
                                rtol, atol, names, equal_nan=equal_nan)
        elif req == "null":
            assert_almost_equal(args_grad_npy[name], args_grad[name], rtol, atol, names,
                                equal_nan=equal_nan)
        else:
            raise ValueError("Invalid grad_req %s for argument %s" % (req, name))
    return args_grad


def check_consistency(sym, ctx_list, scale=1.0, grad_req="write", arg_params=None,
                      aux_params=None, rtol=None, atol=None, raise_on_err=True,
                      ground_truth=None, equal_nan=False, use_uniform=False,
                      rand_type=np.float64):
    """Run ``sym`` under every ``ctx_list`` entry (a dict of ``ctx``, input shapes and
    ``type_dict``) on the same random inputs and compare outputs and gradients with the
    most precise one."""
    from .symbol import Symbol
    assert len(ctx_list) > 1
    syms = [sym] * len(ctx_list) if isinstance(sym, Symbol) else list(sym)
    assert len(syms) == len(ctx_list)
    output_names = syms[0].list_outputs()
    arg_names = syms[0].list_arguments()
    exes = []
    for s, spec in zip(syms, ctx_list):
        assert s.list_arguments() == arg_names
        assert s.list_outputs() == output_names
        exes.append(s.simple_bind(grad_req=grad_req, **spec))
    arg_params = {} if arg_params is None else arg_params
    aux_params = {} if aux_params is None else aux_params
    for n, arr in sorted(exes[0].arg_dict.items()):
        if n not in arg_params:
            if use_uniform:
                arg_params[n] = np.random.uniform(low=-0.92 * scale, high=0.92 * scale,
                                                  size=arr.shape).astype(rand_type)
            else:
                arg_params[n] = np.random.normal(size=arr.shape, scale=scale).astype(rand_type)
    for n in exes[0].aux_dict:
        aux_params.setdefault(n, 0)
    for exe in exes:
        for name, arr in exe.arg_dict.items():
            arr[:] = arg_params[name]
        for name, arr in exe.aux_dict.items():
            arr[:] = aux_params[name]
        if grad_req == "add":
            for arr in exe.grad_arrays:
                arr[:] = 0

    def smaller(dt1, dt2):
        return dt1 if dt2 is None or np.dtype(dt1).itemsize < np.dtype(dt2).itemsize else dt2

    dtypes = [np.dtype(exe.outputs[0].dtype) for exe in exes]
    gt_idx = int(np.argmax([d.itemsize for d in dtypes]))
    gt = ground_truth
    if gt is None:
        gt = dict(exes[gt_idx].output_dict)
        if grad_req != "null":
            gt.update(exes[gt_idx].grad_dict)
    for exe in exes:
        exe.forward(is_train=False)
    if ground_truth is None:
        gt.update(exes[gt_idx].output_dict)
    for i, exe in enumerate(exes):
        if i == gt_idx:
            continue
        for name, arr in zip(output_names, exe.outputs):
            try:
                assert_almost_equal(arr, gt[name], rtol=rtol, atol=atol, equal_nan=equal_nan)
            except AssertionError:
                print("Predict Err: ctx %d vs ctx %d at %s" % (i, gt_idx, name))
                traceback.print_exc()
                if raise_on_err:
                    raise
    if grad_req != "null":
        for exe in exes:
            exe.forward(is_train=True)
        least = [out.dtype for out in exes[0].outputs]
        for exe in exes:
            least = [smaller(o.dtype, dt) for o, dt in zip(exe.outputs, least)]
        golden = [out.astype(dt).asnumpy() for out, dt in zip(exes[0].outputs, least)]
        for exe in exes:
            exe.backward([_nd.array(g, ctx=exe._ctx, dtype=o.dtype)
                          for g, o in zip(golden, exe.outputs)])
        if ground_truth is None:
            gt.update(exes[gt_idx].output_dict)
            gt.update(exes[gt_idx].grad_dict)
        for i, exe in enumerate(exes):
            if i == gt_idx:
                continue
            grads = list(exe.grad_dict.values())
            for name, arr in zip(output_names + arg_names, list(exe.outputs) + grads):
                if gt.get(name) is None:
                    assert arr is None
                    continue
                gtarr = gt[name]
                try:
                    rt, at = rtol, atol
                    sa, sg = smaller(arr.dtype, dtypes[i]), smaller(gtarr.dtype, dtypes[gt_idx])
                    if sa != arr.dtype or sg != gtarr.dtype:
                        rt, at = get_tols(arr.astype(sa), gtarr.astype(sg), rtol, atol)
                    assert_almost_equal(arr, gtarr, rtol=rt, atol=at, equal_nan=equal_nan)
                except AssertionError:
                    print("Train Err: {} {} ctx {} vs {} {} ctx {} at {}".format(
                        np.dtype(arr.dtype).name, arr.context, i, np.dtype(gtarr.dtype).name,
                        gtarr.context, gt_idx, name))
                    traceback.print_exc()
                    if raise_on_err:
                        raise
    return gt


# --------------------------------------------------------------------------- environment
def list_gpus():
    """Indices of the available GPUs."""
    from .context import num_gpus
    return range(num_gpus())


def getenv(name: str):
    """The value of environment variable ``name`` (None when unset)."""
    return os.environ.get(name)


def setenv(name: str, value) -> None:
    """Set (or, with None, unset) environment variable ``name``."""
    if value is None:
        os.environ.pop(name, None)
    else:
        os.environ[name] = value


@contextmanager
def environment(*args):
    """Set environment variables for the ``with`` block: ``environment(name, value)`` or
    ``environment({name: value, ...})`` (None unsets); restored afterwards."""
    if len(args) == 1 and isinstance(args[0], dict):
        env = args[0]
    else:
        assert len(args) == 2, "Expecting one dict arg or two args: env var name and value"
        env = {args[0]: args[1]}
    snapshot = {k: os.environ.get(k) for k in env}
    for k, v in env.items():
        setenv(k, v)
    try:
        yield
    finally:
        _nd.waitall()
        for k, v in snapshot.items():
            setenv(k, v)


@contextmanager
def discard_stderr():
    """Silence file descriptor 2 inside the ``with`` block."""
    with open(os.devnull, "w") as sink:
        try:
            fd = sys.stderr.fileno()
        except (AttributeError, ValueError, OSError):
            yield
            return
        saved = os.dup(fd)
        try:
            os.dup2(sink.fileno(), fd)
            yield
        finally:
            os.dup2(saved, fd)
            os.close(saved)


def download(url, fname=None, dirname=None, overwrite=False, retries=5) -> str:
    """The local path MXNet would download ``url`` to; the file must already be there.

    mxcompat never uses the network: with the file present (and ``overwrite`` False) its
    path is returned, as MXNet returns it after skipping the download; otherwise a
    RuntimeError says where to put it.
    """
    assert retries >= 0, "Number of retries should be at least 0"
    if fname is None:
        fname = url.split("/")[-1]
    if dirname is None:
        dirname = os.path.dirname(fname)
    else:
        fname = os.path.join(dirname, fname)
    if dirname and not os.path.exists(dirname):
        os.makedirs(dirname, exist_ok=True)
    if not overwrite and os.path.exists(fname):
        logging.info("%s exists, skipping download", fname)
        return fname
    raise RuntimeError("mxcompat does not download files: fetch %s yourself and save it as "
                       "%s" % (url, os.path.abspath(fname)))


def get_mnist(path: str = "data") -> dict:
    """MNIST as numpy arrays (``train_data`` (60000, 1, 28, 28) float32 in [0, 1],
    ``train_label`` int8, and the ``test_`` pair), read from the four gzipped idx files
    MXNet downloads, which must already be in ``path``."""
    import gzip
    import struct

    base = "http://data.mxnet.io/data/mnist/"

    def read(label_file, image_file):
        with gzip.open(download(base + label_file, dirname=path)) as flbl:
            struct.unpack(">II", flbl.read(8))
            label = np.frombuffer(flbl.read(), dtype=np.int8)
        with gzip.open(download(base + image_file, dirname=path), "rb") as fimg:
            _, _, rows, cols = struct.unpack(">IIII", fimg.read(16))
            image = np.frombuffer(fimg.read(), dtype=np.uint8).reshape(len(label), rows, cols)
        return label, image.reshape(len(label), 1, rows, cols).astype(np.float32) / 255

    train_lbl, train_img = read("train-labels-idx1-ubyte.gz", "train-images-idx3-ubyte.gz")
    test_lbl, test_img = read("t10k-labels-idx1-ubyte.gz", "t10k-images-idx3-ubyte.gz")
    return {"train_data": train_img, "train_label": train_lbl,
            "test_data": test_img, "test_label": test_lbl}


def is_cd_run() -> bool:
    return os.environ.get("CD_JOB", 0) == "1"


def is_aarch64_run() -> bool:
    import platform
    return platform.machine() == "aarch64"


def has_tvm_ops() -> bool:
    return False


def is_op_runnable() -> bool:
    return True


# --------------------------------------------------------------------------- iterators and statistics
def _data_iter_base():
    from .io import DataIter
    return DataIter


class DummyIter(_data_iter_base()):
    """An iterator returning the first batch of ``real_iter`` forever."""

    def __init__(self, real_iter):
        super().__init__()
        self.real_iter = real_iter
        self.provide_data = real_iter.provide_data
        self.provide_label = real_iter.provide_label
        self.batch_size = real_iter.batch_size
        self.the_batch = next(real_iter)

    def __iter__(self):
        return self

    def next(self):
        return self.the_batch

    __next__ = next


def gen_buckets_probs_with_ppf(ppf, nbuckets: int):
    """``nbuckets`` equal-probability buckets of a distribution given its quantiles."""
    assert nbuckets > 0
    probs = [1.0 / nbuckets for _ in range(nbuckets)]
    buckets = [(ppf(i / float(nbuckets)), ppf((i + 1) / float(nbuckets)))
               for i in range(nbuckets)]
    return buckets, probs


def mean_check(generator, mu, sigma, nsamples=1000000) -> bool:
    """Whether the sample mean is within 3 standard errors of ``mu``."""
    mean = np.array(generator(nsamples)).mean()
    bound = 3 * sigma / np.sqrt(nsamples)
    return bool(mu - bound < mean < mu + bound)


def var_check(generator, sigma, nsamples=1000000) -> bool:
    """Whether the sample variance is within 3 standard errors of ``sigma**2``."""
    var = np.array(generator(nsamples)).var(ddof=1)
    bound = 3 * np.sqrt(2 * sigma ** 4 / (nsamples - 1))
    return bool(sigma ** 2 - bound < var < sigma ** 2 + bound)


def chi_square_check(generator, buckets, probs, nsamples=1000000):
    """Chi-square test of ``generator(nsamples)`` against bucket probabilities:
    ``(p_value, observed, expected)``."""
    try:
        import scipy.stats as ss
    except ImportError:  # pragma: no cover
        raise ImportError("scipy is not available. Please check if the scipy python "
                          "bindings are installed.") from None
    assert isinstance(buckets, list)
    samples = generator(nsamples)
    assert len(probs) == len(buckets)
    continuous = isinstance(buckets[0], (list, tuple))
    expected = (nsamples * np.array(probs, dtype=np.float32)).astype(np.int32)
    if continuous:
        edges = np.zeros((len(buckets) * 2,), dtype=np.float32)
        for i, (lo, hi) in enumerate(buckets):
            assert lo <= hi
            if i < len(buckets) - 1:
                assert hi <= buckets[i + 1][0]
            edges[2 * i], edges[2 * i + 1] = lo, hi
        ids = np.searchsorted(edges, samples, side="right") // 2
        observed = np.array([(ids == i).sum() for i in range(len(buckets))], dtype=np.int64)
    else:
        ids = np.array(samples)
        observed = np.array([(ids == b).sum() for b in buckets], dtype=np.int64)
    _, p = ss.chisquare(f_obs=observed, f_exp=expected)
    return p, observed, expected


def verify_generator(generator, buckets, probs, nsamples=1000000, nrepeat=5, success_rate=0.2,
                     alpha=0.05):
    """Repeat ``chi_square_check``; AssertionError when too few repeats pass."""
    ps, obs, exp = [], [], []
    for _ in range(nrepeat):
        p, o, e = chi_square_check(generator=generator, buckets=buckets, probs=probs,
                                   nsamples=nsamples)
        ps.append(p)
        obs.append(o)
        exp.append(e)
    if (np.array(ps) > alpha).sum() < nrepeat * success_rate:
        raise AssertionError("Generator test fails, Chi-square p=%s, obs_freq=%s, "
                             "expected_freq=%s.\nbuckets=%s, probs=%s"
                             % (str(ps), str(obs), str(exp), str(buckets), str(probs)))
    return ps
