"""Helpers shared by the iterators: input normalisation, shuffling by index."""
from __future__ import annotations

import functools
from collections import OrderedDict

import jax
import numpy as np

from .._backend import rng
from ..ndarray.ndarray import NDArray, array

__all__ = ["_init_data", "_has_instance", "_getdata_by_idx", "_slice_along_batch_axis",
           "_permutation"]


def _init_data(data, allow_empty: bool, default_name: str) -> list:
    """Sorted ``[(name, NDArray)]`` from an array, a list of arrays or a dict of them.

    A single array is named ``default_name``; several are ``_<i>_<default_name>``.
    Values that are not NDArrays are converted with ``mx.nd.array`` (float32 by default).
    """
    assert data is not None or allow_empty
    if data is None:
        data = []
    if isinstance(data, (np.ndarray, NDArray)):
        data = [data]
    if isinstance(data, list):
        if not allow_empty:
            assert len(data) > 0
        if len(data) == 1:
            data = OrderedDict([(default_name, data[0])])
        else:
            data = OrderedDict([("_%d_%s" % (i, default_name), d) for i, d in enumerate(data)])
    if not isinstance(data, dict):
        raise TypeError("Input must be NDArray, numpy.ndarray, h5py.Dataset "
                        "a list of them or dict with them as values")
    converted = OrderedDict()
    for k, v in data.items():
        if not isinstance(v, NDArray):
            try:
                v = array(v)
            except Exception:
                raise TypeError("Invalid type '%s' for %s, " % (type(v), k)
                                + "should be NDArray, numpy.ndarray or h5py.Dataset") from None
        converted[k] = v
    return list(sorted(converted.items(), key=lambda kv: kv[0]))


def _has_instance(data, dtype) -> bool:
    """Whether any array of ``[(name, array)]`` is an instance of ``dtype``."""
    return any(isinstance(arr, dtype) for _, arr in data)


@functools.partial(jax.jit, static_argnums=(1,))
def _perm_kernel(key_data, n: int):
    return jax.random.permutation(rng.as_key(key_data), n)


def _permutation(n: int) -> np.ndarray:
    """A random permutation of ``range(n)`` from mxcompat's random source (so
    ``mx.random.seed`` makes it reproducible)."""
    if n <= 1:
        return np.arange(n)
    return np.asarray(_perm_kernel(rng.next_key(("cpu", 0)), n))


@jax.jit
def _gather_rows(arr, idx):
    return arr[idx].astype(np.float32)


def _getdata_by_idx(data, idx) -> list:
    """``[(name, array)]`` with every array's rows reordered by ``idx``. As in MXNet the
    reordered arrays are rebuilt with ``mx.nd.array`` and so become float32."""
    from ..ndarray.ndarray import _wrap
    idx = np.asarray(idx)
    return [(k, _wrap(_gather_rows(v._array, idx), v.context)) for k, v in data]


def _slice_along_batch_axis(data: NDArray, s: slice, batch_axis: int) -> NDArray:
    """``data[s]`` along ``batch_axis``."""
    return data.slice_axis(axis=batch_axis, begin=s.start, end=s.stop)
