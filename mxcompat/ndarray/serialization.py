"""``mx.nd.save`` / ``mx.nd.load`` / ``mx.nd.load_frombuffer`` over MXNet's .params format."""
from __future__ import annotations

import os

import jax

from ..base import MXNetError
from ..context import Context
from . import _params_format as _pf
from .ndarray import NDArray, _wrap

__all__ = ["save", "load", "load_frombuffer"]


def save(fname: str, data) -> None:
    """Write an NDArray, a list of NDArrays or a dict str -> NDArray to ``fname``."""
    if isinstance(data, NDArray):
        data = [data]
    if isinstance(data, dict):
        if not all(isinstance(k, str) and isinstance(v, NDArray) for k, v in data.items()):
            raise TypeError("save only accept dict str->NDArray or list of NDArray")
        names, arrays = list(data.keys()), list(data.values())
    elif isinstance(data, list):
        if not all(isinstance(v, NDArray) for v in data):
            raise TypeError("save only accept dict str->NDArray or list of NDArray")
        names, arrays = None, data
    else:
        raise ValueError("data needs to either be a NDArray, dict of str, NDArray pairs "
                         "or a list of NDarrays.")
    records = [(a.asnumpy(), *_file_device(a._ctx)) for a in arrays]
    blob = _pf.encode_list(records, names)
    with open(os.fspath(fname), "wb") as f:
        f.write(blob)


def _file_device(ctx: Context) -> tuple[int, int]:
    # a TPU has no code in MXNet's format: write it as a GPU, which MXNet loads on CPU
    return (2 if ctx.device_type == "tpu" else ctx.device_typeid), ctx.device_id


def _to_ndarray(arr, dev_type: int, dev_id: int) -> NDArray:
    ctx = Context(Context.devtype2str.get(dev_type, "cpu"), dev_id)
    try:
        device = ctx.jax_device
    except MXNetError:  # saved on an accelerator this machine lacks: load on the CPU
        ctx = Context("cpu", 0)
        device = ctx.jax_device
    return _wrap(jax.device_put(arr, device), ctx)


def load_frombuffer(buf):
    """Decode bytes in the .params format: a list, or a dict when the arrays are named."""
    if not isinstance(buf, (bytes, bytearray, memoryview)):
        raise TypeError("buf required to be a string or bytes")
    records, names = _pf.decode_list(buf)
    arrays = [_to_ndarray(*r) for r in records]
    if names:
        return dict(zip(names, arrays))
    return arrays


def load(fname: str):
    """Read a .params file: a list, or a dict when the arrays are named."""
    if not isinstance(fname, str):
        raise TypeError("fname required to be a string")
    try:
        with open(fname, "rb") as f:
            buf = f.read()
    except OSError:
        raise MXNetError(f'LocalFileSystem: Check failed: allow_null: :Open "{fname}": '
                         "No such file or directory") from None
    return load_frombuffer(buf)
