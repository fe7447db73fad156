"""Reader and writer for MXNet's binary NDArray-list format (``.params`` files, pickled NDArrays).

This module knows nothing about NDArray or JAX: it turns numpy arrays (with the context they
live on, given as MXNet's ``(dev_type, dev_id)`` pair) into bytes and back.

File layout (little-endian, no padding): u64 list magic ``0x112``, u64 reserved ``0``, u64
count N, N array records, u64 name count K (0 for a list, N for a dict), then K names, each a
u64 byte length and that many UTF-8 bytes. A V2 record is: u32 magic ``0xF993FAC9``, i32
storage type, [sparse: storage shape], shape (i32 ndim + i64 dims), i32 dev_type, i32 dev_id,
i32 dtype code, [sparse: per aux array i32 dtype code + shape], the data in C order, [sparse:
the aux data].

Behaviour choices, where MXNet 1.9 itself has no useful answer:

* **0-d arrays.** MXNet 1.9 in legacy mode writes a 0-d array as a record with ndim 0 followed
  by data, which its own loader then misreads (``basic_string::resize``). Rather than write a
  file that nothing can load, :func:`encode_list` / :func:`encode_array` raise ``ValueError``
  for 0-d arrays unless ``np_shape=True`` is passed, which writes V3 ("numpy shape") records
  exactly as MXNet does under ``mx.util.np_shape(True)``; real MXNet loads those only with
  numpy shape semantics switched on.
* **V3 records** (magic ``0xF993FACA``) are always decoded, whatever the caller's mode; there
  ndim 0 means a true scalar and the result has shape ``()``. (MXNet 1.9 refuses them unless
  numpy shape semantics are on.)
* **Empty ("none") records** -- ndim 0 in V2, V1 and pre-V1 records, or an unknown shape in
  V3 -- raise :class:`~mxcompat.base.MXNetError`. Real MXNet reads them as a handle-less array
  and then fails in Python (``unknown storage type: -1``); the most common source of such a
  record is a 0-d array saved by MXNet's legacy mode, whose file is unreadable in MXNet too.
* **Sparse records** (row_sparse, csr) are decoded and returned as dense numpy arrays.
* **Names** that are not valid UTF-8 raise ``UnicodeDecodeError``, as in MXNet. Duplicate names
  are returned as they are (building a dict from them keeps the last one, as MXNet does).
  Bytes after the end of the list are ignored, as in MXNet.
"""
from __future__ import annotations

import struct
import sys
from typing import Iterable, List, Optional, Sequence, Tuple, Union

import ml_dtypes
import numpy as np

from ..base import MXNetError

__all__ = [
    "LIST_MAGIC", "V1_MAGIC", "V2_MAGIC", "V3_MAGIC",
    "STYPE_DEFAULT", "STYPE_ROW_SPARSE", "STYPE_CSR",
    "DTYPE_TO_CODE", "CODE_TO_DTYPE",
    "Record", "encode_list", "encode_array", "decode_list", "decode_array",
]

LIST_MAGIC = 0x112
V1_MAGIC = 0xF993FAC8
V2_MAGIC = 0xF993FAC9
V3_MAGIC = 0xF993FACA

STYPE_DEFAULT = 0
STYPE_ROW_SPARSE = 1
STYPE_CSR = 2

_BFLOAT16 = np.dtype(ml_dtypes.bfloat16)
# The dtype real MXNet 1.9 uses on the Python side for bfloat16 arrays.
_MX_STRUCT_BFLOAT16 = np.dtype([("bfloat16", "<u2")])

# MXNet's dtype codes: the one table lives in the backend
from .._backend.dtypes import CODE_TO_DTYPE, DTYPE_TO_CODE  # noqa: E402

# (array, dev_type, dev_id)
Record = Tuple[np.ndarray, int, int]
Buffer = Union[bytes, bytearray, memoryview]

_BAD_LIST_MAGIC = ("Check failed: header == kMXAPINDArrayListMagic: "
                   "Invalid NDArray file format")
_INVALID = "Invalid NDArray file format"

_U32 = struct.Struct("<I")
_I32 = struct.Struct("<i")
_U64 = struct.Struct("<Q")
_HEAD = struct.Struct("<QQQ")
_CTX_TYPE = struct.Struct("<iii")
_LITTLE_HOST = sys.byteorder == "little"


# --------------------------------------------------------------------------------------------
# writing
# --------------------------------------------------------------------------------------------

def _code_of(dtype: np.dtype) -> int:
    code = DTYPE_TO_CODE.get(dtype)
    if code is None and dtype == _MX_STRUCT_BFLOAT16:
        code = 12
    if code is None:
        # Byte-swapped spellings of a supported dtype ('>f4', ...).
        code = DTYPE_TO_CODE.get(dtype.newbyteorder("="))
    if code is None:
        raise TypeError(
            f"cannot save an array of dtype {dtype}: the NDArray file format supports only "
            "float32, float64, float16, uint8, int32, int8, int64, bool and bfloat16")
    return code


def _raw_bytes(arr: np.ndarray, code: int) -> np.ndarray:
    """The array's elements as a flat little-endian uint8 array in C order."""
    if code == 12:
        arr = arr.view(np.uint16)  # bfloat16 bits, from ml_dtypes or MXNet's structured dtype
    if arr.dtype.itemsize > 1:  # multi-byte types: make sure the bytes are little-endian
        bo = arr.dtype.byteorder
        if bo == ">" or (bo == "=" and not _LITTLE_HOST):
            arr = arr.astype(arr.dtype.newbyteorder("<"))
    arr = np.ascontiguousarray(arr)
    return arr.reshape(-1).view(np.uint8)


def _check_int32(value: int, what: str) -> int:
    value = int(value)
    if not -2**31 <= value < 2**31:
        raise ValueError(f"{what} {value} does not fit in a 32-bit signed integer")
    return value


def _record_parts(array: np.ndarray, dev_type: int, dev_id: int, np_shape: bool) -> list:
    arr = np.asarray(array)
    if arr.ndim == 0 and not np_shape:
        raise ValueError(
            "cannot save a 0-d (scalar) array in the legacy NDArray file format: MXNet 1.9 "
            "would write a record that it cannot load back. Reshape it to (1,) first, or "
            "write numpy-shape (V3) records with np_shape=True.")
    code = _code_of(arr.dtype)
    magic = V3_MAGIC if np_shape else V2_MAGIC
    head = struct.pack(f"<Iii{arr.ndim}q", magic, STYPE_DEFAULT, arr.ndim, *arr.shape)
    tail = _CTX_TYPE.pack(_check_int32(dev_type, "dev_type"), _check_int32(dev_id, "dev_id"),
                          code)
    return [head, tail, _raw_bytes(arr, code)]


def encode_array(array: np.ndarray, dev_type: int = 1, dev_id: int = 0, *,
                 np_shape: bool = False) -> bytes:
    """Encode one dense array as a single record (what MXNet pickles as ``'handle'``).

    ``dev_type``/``dev_id`` are MXNet's context codes (1 cpu, 2 gpu, 3 cpu_pinned, 5
    cpu_shared). Writes a V2 record, or a V3 record when ``np_shape`` is true.
    Raises ``ValueError`` for a 0-d array unless ``np_shape`` is true, and ``TypeError`` for
    a dtype MXNet cannot store.
    """
    return b"".join(memoryview(p) for p in _record_parts(array, dev_type, dev_id, np_shape))


def encode_list(records: Iterable[Record], names: Optional[Sequence[str]] = None, *,
                np_shape: bool = False) -> bytes:
    """Encode arrays as a complete NDArray-list file, byte-identical to ``mx.nd.save``.

    ``records`` holds ``(array, dev_type, dev_id)`` tuples; ``names`` is ``None`` for a list
    file, or one ``str`` per record for a dict file (written in the given order).
    Records are dense V2 (V3 with ``np_shape=True``); see :func:`encode_array` for errors.
    """
    records = list(records)
    parts: list = [_HEAD.pack(LIST_MAGIC, 0, len(records))]
    for i, rec in enumerate(records):
        if not isinstance(rec, (tuple, list)) or len(rec) != 3:
            raise TypeError(f"record {i} must be a tuple (array, dev_type, dev_id)")
        array, dev_type, dev_id = rec
        parts.extend(_record_parts(array, dev_type, dev_id, np_shape))
    if names is None:
        parts.append(_U64.pack(0))
    else:
        names = list(names)
        if len(names) != len(records):
            raise ValueError(f"got {len(names)} names for {len(records)} arrays")
        parts.append(_U64.pack(len(names)))
        for name in names:
            if not isinstance(name, str):
                raise TypeError(f"array names must be str, got {type(name).__name__}")
            raw = name.encode("utf-8")
            parts.append(_U64.pack(len(raw)))
            parts.append(raw)
    return b"".join(memoryview(p) for p in parts)


# --------------------------------------------------------------------------------------------
# reading
# --------------------------------------------------------------------------------------------

class _Reader:
    """A cursor over a byte buffer that raises MXNetError instead of running off the end."""

    __slots__ = ("buf", "pos", "end")

    def __init__(self, buf: Buffer):
        if isinstance(buf, memoryview):
            buf = buf.cast("B") if buf.format != "B" or buf.ndim != 1 else buf
        elif not isinstance(buf, (bytes, bytearray)):
            raise TypeError(f"expected bytes, bytearray or memoryview, got {type(buf).__name__}")
        self.buf = buf
        self.pos = 0
        self.end = len(buf)

    def need(self, n: int, what: str) -> int:
        pos = self.pos
        if n < 0 or pos + n > self.end:
            raise MXNetError(
                f"{_INVALID}: unexpected end of data while reading {what} "
                f"({n} bytes needed at offset {pos}, but the data is {self.end} bytes long)")
        self.pos = pos + n
        return pos

    def unpack(self, st: struct.Struct, what: str):
        return st.unpack_from(self.buf, self.need(st.size, what))

    def u32(self, what: str) -> int:
        return self.unpack(_U32, what)[0]

    def i32(self, what: str) -> int:
        return self.unpack(_I32, what)[0]

    def u64(self, what: str) -> int:
        return self.unpack(_U64, what)[0]

    def array(self, dtype: np.dtype, count: int, what: str) -> np.ndarray:
        """Copy ``count`` elements of ``dtype`` (little-endian) out of the buffer."""
        pos = self.need(count * dtype.itemsize, what)
        if dtype == np.bool_:
            raw = np.frombuffer(self.buf, np.uint8, count, pos)
            return raw != 0
        if dtype == _BFLOAT16:
            raw = np.frombuffer(self.buf, "<u2", count, pos)
            return raw.astype(np.uint16).view(_BFLOAT16)
        le = dtype.newbyteorder("<") if dtype.itemsize > 1 else dtype
        return np.frombuffer(self.buf, le, count, pos).astype(dtype, copy=True)


def _read_shape(r: _Reader, wide: bool, what: str, ndim: Optional[int] = None) -> Tuple[int, ...]:
    """Read a shape: i32 ndim + i64 dims (``wide``) or the pre-V1 form with u32 dims.

    A negative ndim (V3's "unknown") comes back as the 1-tuple ``(ndim,)`` so that it reads
    as an unknown shape to the callers' negative-dimension checks.
    """
    if ndim is None:
        ndim = r.i32(f"the ndim of {what}")
    if ndim <= 0:
        return (ndim,) if ndim < 0 else ()
    st = struct.Struct(f"<{ndim}{'q' if wide else 'I'}")
    return st.unpack_from(r.buf, r.need(st.size, f"the shape of {what}"))


def _size(shape: Tuple[int, ...]) -> int:
    n = 1
    for d in shape:
        n *= d
    return n


def _dtype_of(code: int, what: str) -> np.dtype:
    dt = CODE_TO_DTYPE.get(code)
    if dt is None:
        raise MXNetError(f"{_INVALID}: {what} has unknown dtype code {code}")
    return dt


def _none_record(what: str, detail: str) -> MXNetError:
    return MXNetError(
        f"{_INVALID}: {what} holds an empty (none) NDArray ({detail}), which cannot be loaded. "
        "A 0-d array saved by MXNet outside numpy shape mode gives such a record; "
        "MXNet cannot load that file either.")


def _check_known(shape: Tuple[int, ...], what: str) -> None:
    if any(d < 0 for d in shape):
        raise _none_record(what, f"unknown shape {shape}")


def _densify(stype: int, shape, data: np.ndarray, aux: List[np.ndarray], what: str) -> np.ndarray:
    out = np.zeros(shape, dtype=data.dtype)
    if stype == STYPE_ROW_SPARSE:
        (idx,) = aux
        if data.shape[1:] != tuple(shape[1:]) or data.shape[0] != idx.shape[0] or idx.ndim != 1:
            raise MXNetError(f"{_INVALID}: {what}: inconsistent row_sparse shapes "
                             f"(data {data.shape}, indices {idx.shape}, shape {tuple(shape)})")
        if idx.size and (idx.min() < 0 or idx.max() >= shape[0]):
            raise MXNetError(f"{_INVALID}: {what}: row_sparse row index out of range")
        out[idx] = data
        return out
    indptr, idx = aux
    if (len(shape) != 2 or data.ndim != 1 or indptr.shape != (shape[0] + 1,)
            or idx.shape != data.shape):
        raise MXNetError(f"{_INVALID}: {what}: inconsistent csr shapes (data {data.shape}, "
                         f"indptr {indptr.shape}, indices {idx.shape}, shape {tuple(shape)})")
    counts = np.diff(indptr)
    if indptr[0] != 0 or indptr[-1] != data.shape[0] or (counts < 0).any():
        raise MXNetError(f"{_INVALID}: {what}: bad csr indptr")
    if idx.size and (idx.min() < 0 or idx.max() >= shape[1]):
        raise MXNetError(f"{_INVALID}: {what}: csr column index out of range")
    rows = np.repeat(np.arange(shape[0]), counts)
    out[rows, idx] = data
    return out


def _read_record(r: _Reader, what: str) -> Record:
    magic = r.u32(f"the header of {what}")
    stype = STYPE_DEFAULT
    storage_shape = None
    if magic in (V2_MAGIC, V3_MAGIC):
        stype = r.i32(f"the storage type of {what}")
        if stype not in (STYPE_DEFAULT, STYPE_ROW_SPARSE, STYPE_CSR):
            raise MXNetError(f"{_INVALID}: {what} has unknown storage type {stype}")
        if stype != STYPE_DEFAULT:
            storage_shape = _read_shape(r, True, f"the storage shape of {what}")
            _check_known(storage_shape, what)
            if not storage_shape:
                raise MXNetError(f"{_INVALID}: sparse {what} has an empty storage shape")
        shape = _read_shape(r, True, what)
    elif magic == V1_MAGIC:
        shape = _read_shape(r, True, what)
    else:
        # Pre-V1 record: the first u32 was the ndim itself, and dims are u32.
        if magic > 64:  # no real array has that many dimensions: this is garbage
            raise MXNetError(f"{_INVALID}: {what} starts with 0x{magic:08X}, which is neither "
                             "a record magic nor a plausible legacy ndim")
        shape = _read_shape(r, False, what, ndim=magic)

    if magic == V3_MAGIC:
        _check_known(shape, what)  # ndim 0 is a real scalar here
    elif not shape:
        raise _none_record(what, "ndim 0")
    elif any(d < 0 for d in shape):
        raise MXNetError(f"{_INVALID}: {what} has a negative dimension in shape {shape}")

    dev_type, dev_id, code = r.unpack(_CTX_TYPE, f"the context and dtype of {what}")
    dtype = _dtype_of(code, what)
    if stype == STYPE_DEFAULT:
        data = r.array(dtype, _size(shape), f"the data of {what}")
        return data.reshape(shape), dev_type, dev_id

    n_aux = 1 if stype == STYPE_ROW_SPARSE else 2
    aux_meta = []
    for k in range(n_aux):
        aux_code = r.i32(f"the aux dtype of {what}")
        aux_dtype = _dtype_of(aux_code, f"aux array {k} of {what}")
        if aux_dtype.kind not in "iu":
            raise MXNetError(f"{_INVALID}: aux array {k} of {what} has non-integer dtype "
                             f"{aux_dtype}")
        aux_shape = _read_shape(r, True, f"aux array {k} of {what}")
        _check_known(aux_shape, what)
        aux_meta.append((aux_dtype, aux_shape))
    data = r.array(dtype, _size(storage_shape), f"the data of {what}").reshape(storage_shape)
    aux = [r.array(dt, _size(shp), f"aux data {k} of {what}").reshape(shp)
           for k, (dt, shp) in enumerate(aux_meta)]
    return _densify(stype, shape, data, aux, what), dev_type, dev_id


def decode_list(buf: Buffer) -> Tuple[List[Record], List[str]]:
    """Decode an NDArray-list file (the bytes of a ``.params`` file).

    Returns ``(records, names)``: ``records`` is a list of ``(array, dev_type, dev_id)`` with
    freshly allocated, writable numpy arrays (sparse records come back dense), and ``names``
    is the list of names (empty for a list file). Accepts V2, V3, V1 and pre-V1 records.
    Malformed or truncated data raises :class:`~mxcompat.base.MXNetError`; its message
    contains ``Invalid NDArray file format``.
    """
    r = _Reader(buf)
    if r.end < 8 or _U64.unpack_from(r.buf, 0)[0] != LIST_MAGIC:
        raise MXNetError(_BAD_LIST_MAGIC)
    _, _, count = r.unpack(_HEAD, "the file header")
    records: List[Record] = []
    for i in range(count):
        records.append(_read_record(r, f"array record {i}"))
    n_names = r.u64("the number of names")
    if n_names not in (0, count):
        raise MXNetError(f"{_INVALID}: the file holds {count} arrays but {n_names} names")
    names: List[str] = []
    for i in range(n_names):
        length = r.u64(f"the length of name {i}")
        pos = r.need(length, f"name {i}")
        names.append(bytes(r.buf[pos:pos + length]).decode("utf-8"))
    return records, names


def decode_array(buf: Buffer) -> Record:
    """Decode one record (a pickled NDArray's ``'handle'`` bytes) to ``(array, dev_type, dev_id)``."""
    return _read_record(_Reader(buf), "the array record")
