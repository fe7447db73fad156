"""MNISTIter: batches of the MNIST idx files (``train-images-idx3-ubyte`` and
``train-labels-idx1-ubyte``), as MXNet's C++ iterator gives them."""
from __future__ import annotations

import os

import numpy as np

from ..base import MXNetError
from ..ndarray.ndarray import array
from .native import MXDataIter, _params, _parse_bool, _parse_dtype, _parse_int
from .utils import _permutation

__all__ = ["MNISTIter"]


def _read_idx(path: str, ndim: int) -> np.ndarray:
    """The array of an uncompressed big-endian idx file with ``ndim`` dimensions."""
    if not os.path.exists(path):
        raise MXNetError('LocalFileSystem: Check failed: allow_null: :Open "%s": No such file '
                         'or directory' % path)
    with open(path, "rb") as f:
        raw = f.read()
    header = 4 + 4 * ndim
    if len(raw) < header:
        raise MXNetError("Check failed: stdimg->Read(&ch, sizeof(ch) != 0):")
    dims = tuple(int(d) for d in np.frombuffer(raw, dtype=">u4", count=ndim, offset=4))
    count = int(np.prod(dims))
    if len(raw) < header + count:
        raise MXNetError("Check failed: stdimg->Read(&ch, sizeof(ch) != 0):")
    return np.frombuffer(raw, dtype=np.uint8, count=count, offset=header).reshape(dims)


class _MNISTReader:
    """Full batches of the images (scaled by 1/256, as MXNet does) and labels; the last
    incomplete batch is dropped and the order is shuffled once, at construction."""

    def __init__(self, p: dict):
        images = _read_idx(p["image"], 3)
        labels = _read_idx(p["label"], 1)
        n = images.shape[0]
        lo = n * p["part_index"] // p["num_parts"]
        hi = n * (p["part_index"] + 1) // p["num_parts"]
        images, labels = images[lo:hi], labels[lo:hi]
        if p["shuffle"]:
            order = _permutation(images.shape[0])
            images, labels = images[order], labels[order]
        self.images = images.astype(np.float32) * np.float32(1.0 / 256.0)
        if p["flat"]:
            self.images = self.images.reshape(self.images.shape[0], -1)
        else:
            self.images = self.images.reshape(self.images.shape[0], 1, *self.images.shape[1:])
        self.labels = labels.astype(np.float32)
        self.batch_size = p["batch_size"]
        self.pos = 0
        self._index = np.zeros(self.batch_size, dtype=np.uint64)
        self._data = self._label = None

    def before_first(self) -> None:
        self.pos = 0

    def next(self) -> bool:
        bs = self.batch_size
        if bs == 0 or self.pos + bs > self.images.shape[0]:
            return False
        self._data = array(self.images[self.pos:self.pos + bs])
        self._label = array(self.labels[self.pos:self.pos + bs])
        self.pos += bs
        return True

    def data(self):
        return self._data

    def label(self):
        return self._label

    def index(self) -> np.ndarray:
        return self._index

    def pad(self) -> int:
        return 0


def _str(name, value):
    return str(value)


_MNIST_SPEC = [
    ("image", "string", _str, "./train-images-idx3-ubyte"),
    ("label", "string", _str, "./train-labels-idx1-ubyte"),
    ("batch_size", "int", _parse_int, 128),
    ("shuffle", "boolean", _parse_bool, True),
    ("flat", "boolean", _parse_bool, False),
    ("seed", "int", lambda n, v: int(v), 0),
    ("silent", "boolean", _parse_bool, False),
    ("num_parts", "int", _parse_int, 1),
    ("part_index", "int", _parse_int, 0),
    ("prefetch_buffer", "long (non-negative)", _parse_int, 4),
    ("ctx", "{'cpu', 'gpu'}", lambda n, v: v, "gpu"),
    ("dtype", "{None, ...}", _parse_dtype, None),
]


def MNISTIter(*args, **kwargs) -> MXDataIter:  # noqa: N802  (MXNet's name)
    """Batches of MNIST from the idx files ``image`` and ``label`` (uncompressed):
    data (batch, 1, 28, 28) float32 in [0, 1) (``flat=True``: (batch, 784)), labels
    (batch,). ``shuffle`` (default True) reorders once, drawing from mxcompat's random
    source: the ``seed`` argument is accepted but the order follows ``mx.random.seed``."""
    p = _params(kwargs, _MNIST_SPEC)
    if p["dtype"] not in (None, "float32"):
        raise MXNetError("Check failed: mshadow::DataType<DType>::kFlag == type_flag_: "
                         "TBlob.get_with_shape: data type do not match specified type."
                         "Expected: %s v.s. given float" % p["dtype"])
    reader = _MNISTReader(p)
    if args:
        raise TypeError("MNISTIter can only accept keyword arguments")
    return MXDataIter(reader, **kwargs)
