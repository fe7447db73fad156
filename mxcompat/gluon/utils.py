"""``mx.gluon.utils``: splitting a batch over devices, global-norm gradient clipping,
file checksums and (offline) downloads."""
from __future__ import annotations

import functools
import hashlib
import os
import warnings
from typing import Sequence

import jax
import jax.numpy as jnp
import numpy as np

from .. import ndarray
from ..base import MXNetError
from ..ndarray.ndarray import NDArray, _wrap
from ..ops.matrix import _dot_dtype_check
from .block import HookHandle, _indent  # noqa: F401  (MXNet exposes them here)
from .parameter import _brief_print_list  # noqa: F401

__all__ = ["split_data", "split_and_load", "clip_global_norm", "check_sha1", "download",
           "replace_file"]


def split_data(data: NDArray, num_slice: int, batch_axis: int = 0,
               even_split: bool = True) -> list:
    """Cut ``data`` into ``num_slice`` pieces along ``batch_axis``; with
    ``even_split=False`` the first ``size % num_slice`` pieces get one extra row."""
    size = data.shape[batch_axis]
    if even_split and size % num_slice != 0:
        raise ValueError(
            "data with shape %s cannot be evenly split into %d slices along axis %d. "
            "Use a batch size that's multiple of %d or set even_split=False to allow "
            "uneven partitioning of data." % (str(data.shape), num_slice, batch_axis,
                                              num_slice))
    base, extra = divmod(size, num_slice)
    bounds = [0]
    for i in range(num_slice):
        bounds.append(bounds[-1] + base + (1 if i < extra else 0))
    if batch_axis != 0:
        return [ndarray.slice_axis(data, axis=batch_axis, begin=bounds[i], end=bounds[i + 1])
                for i in range(num_slice)]
    return [data[bounds[i]:bounds[i + 1]] if i < num_slice - 1 else data[bounds[i]:size]
            for i in range(num_slice)]


def split_and_load(data, ctx_list: Sequence, batch_axis: int = 0,
                   even_split: bool = True) -> list:
    """Split ``data`` (an NDArray or anything ``nd.array`` accepts) along ``batch_axis``
    and copy piece ``i`` to ``ctx_list[i]``."""
    if not isinstance(data, NDArray):
        data = ndarray.array(data, ctx=ctx_list[0])
    if len(ctx_list) == 1:
        return [data.as_in_context(ctx_list[0])]
    pieces = split_data(data, len(ctx_list), batch_axis, even_split)
    return [p.as_in_context(ctx) for p, ctx in zip(pieces, ctx_list)]


@functools.partial(jax.jit, static_argnums=(1,))
def _clip(arrays, out_dtype, max_norm):
    """(total norm, rescaled arrays): one compiled call for the whole list."""
    sq = [jnp.vdot(a.reshape(-1), a.reshape(-1)).astype(out_dtype) for a in arrays]
    total = jnp.sqrt(functools.reduce(jnp.add, sq))
    scale = jnp.minimum(jnp.asarray(max_norm, out_dtype) / (total + jnp.asarray(1e-8, out_dtype)),
                        jnp.ones((), out_dtype))
    # MXNet's min() over [scale, 1] propagates nan
    scale = jnp.where(jnp.isnan(total), total, scale)
    return total.reshape(1), [a * scale.astype(a.dtype) for a in arrays]


def clip_global_norm(arrays: Sequence[NDArray], max_norm: float, check_isfinite: bool = True):
    """Scale ``arrays`` in place so that their joint 2-norm is at most ``max_norm``.

    Returns the norm before clipping: a NumPy scalar when ``check_isfinite`` (which also
    warns on nan/inf), else a shape-(1,) NDArray, as MXNet does.
    """
    assert len(arrays) > 0
    for a in arrays:
        _dot_dtype_check(a)   # the squared norms are dot products, as in MXNet
    ctx = arrays[0].context
    values = [a._array for a in arrays]
    if any(a.context != ctx for a in arrays):
        values = [jax.device_put(v, ctx.jax_device) for v in values]
    total, scaled = _clip(values, values[0].dtype, float(max_norm))
    total_nd = _wrap(total, ctx)
    if check_isfinite and not np.isfinite(total_nd.asscalar()):
        warnings.warn(UserWarning("nan or inf is detected. Clipping results will be "
                                  "undefined."), stacklevel=2)
    if values[0].dtype != jnp.float32:
        # MXNet takes min(scale, ones(1)) through a concat that needs one dtype
        raise MXNetError(
            "Check failed: in_type->at(i) == dtype || in_type->at(i) == -1: Non-uniform data "
            "type in Concat, expected data type %s, got data type float32 for input 1"
            % np.dtype(values[0].dtype).name)
    for arr, new in zip(arrays, scaled):
        if arr.context != ctx:
            new = jax.device_put(new, arr.context.jax_device)
        arr._set(new)
    if check_isfinite:
        return total_nd.asscalar()
    return total_nd


def check_sha1(filename: str, sha1_hash: str) -> bool:
    """Whether the SHA-1 of the file's content equals ``sha1_hash`` (hex)."""
    digest = hashlib.sha1()
    with open(filename, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest() == sha1_hash


def replace_file(src: str, dst: str) -> None:
    """Move ``src`` onto ``dst`` (atomically where the OS allows)."""
    try:
        os.replace(src, dst)
    except OSError:
        try:
            os.remove(src)
        except OSError:
            pass
        raise OSError("Moving downloaded temp file - {}, to {} failed. Please retry the "
                      "download.".format(src, dst)) from None


def download(url: str, path: str | None = None, overwrite: bool = False,
             sha1_hash: str | None = None, retries: int = 5, verify_ssl: bool = True) -> str:
    """The local file for ``url``: ``path`` (or the URL's last component; a directory
    ``path`` gets it appended).

    mxcompat never downloads: if that file exists (and matches ``sha1_hash`` when given,
    and ``overwrite`` is False) its name is returned, as MXNet does; otherwise a
    RuntimeError names the URL and where to put the file.
    """
    if path is None:
        fname = url.split("/")[-1]
        assert fname, ("Can't construct file-name from this URL. Please set the `path` "
                       "option manually.")
    else:
        path = os.path.expanduser(path)
        fname = os.path.join(path, url.split("/")[-1]) if os.path.isdir(path) else path
    assert retries >= 0, \
        "Number of retries should be at least 0, currently it's {}".format(retries)
    if not verify_ssl:
        warnings.warn("Unverified HTTPS request is being made (verify_ssl=False). Adding "
                      "certificate verification is strongly advised.")
    present = os.path.exists(fname)
    if not overwrite and present and not (sha1_hash and not check_sha1(fname, sha1_hash)):
        return fname
    if overwrite and present:
        why = "overwrite=True was requested"
    elif present:
        why = "the existing file's SHA-1 does not match {}".format(sha1_hash)
    else:
        why = "the file does not exist"
    raise RuntimeError(
        "Failed downloading url {url}: mxcompat does not access the network and {why}. "
        "Download it yourself and save it as {dest}{sha}.".format(
            url=url, why=why, dest=os.path.abspath(fname),
            sha=" (SHA-1 {})".format(sha1_hash) if sha1_hash else ""))


def _get_repo_url() -> str:
    """The model/data repository base URL (``MXNET_GLUON_REPO``), ending in '/'."""
    repo = os.environ.get("MXNET_GLUON_REPO",
                          "https://apache-mxnet.s3-accelerate.dualstack.amazonaws.com/")
    return repo if repo.endswith("/") else repo + "/"


def _get_repo_file_url(namespace: str, filename: str) -> str:
    """URL of ``filename`` under ``namespace`` in the repository."""
    return "{}{}/{}".format(_get_repo_url(), namespace, filename)


def shape_is_known(shape) -> bool:
    """Whether every dimension of ``shape`` is known (legacy shapes: 0 means unknown)."""
    if shape is None:
        return False
    if len(shape) == 0:
        return False
    for dim in shape:
        if dim == 0:
            return False
        assert dim > 0, \
            "shape dimension size cannot be less than 0, while received {}".format(dim)
    return True
