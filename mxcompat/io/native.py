"""Iterators that MXNet implements in C++: the ``MXDataIter`` wrapper and CSVIter.

MXNet's C++ iterators are created by keyword-only factory functions and returned as
``MXDataIter`` objects. Here CSVIter is a reader written in Python and NumPy behind the
same wrapper (MNISTIter lives in ``mnist_iter.py``); the image/record/libsvm iterators
are not provided.
"""
from __future__ import annotations

import logging
import os

import numpy as np

from ..base import MXNetError
from ..ndarray.ndarray import array
from .batch import DataBatch, DataDesc, DataIter

__all__ = ["MXDataIter", "CSVIter", "ImageRecordIter", "ImageRecordIter_v1",
           "ImageRecordUInt8Iter", "ImageRecordUInt8Iter_v1", "ImageRecordInt8Iter",
           "ImageDetRecordIter", "LibSVMIter"]


class MXDataIter(DataIter):
    """An iterator driven by a backend object (in MXNet, a C++ iterator handle).

    The first batch is read on construction to learn ``provide_data``/``provide_label``
    and ``batch_size``. ``getdata()``/``getlabel()`` return single NDArrays.
    """

    def __init__(self, handle, data_name: str = "data", label_name: str = "softmax_label",
                 **_):
        super().__init__()
        self.handle = handle
        self._debug_skip_load = False
        self._debug_at_begin = True
        self.first_batch = None
        self.first_batch = self.next()
        data = self.first_batch.data[0]
        label = self.first_batch.label[0]
        self.provide_data = [DataDesc(data_name, data.shape, data.dtype)]
        self.provide_label = [DataDesc(label_name, label.shape, label.dtype)]
        self.batch_size = data.shape[0]

    def debug_skip_load(self) -> None:
        """From now on return the first batch over and over (to time the rest)."""
        self._debug_skip_load = True
        logging.info("Set debug_skip_load to be true, will simply return first batch")

    def reset(self) -> None:
        self._debug_at_begin = True
        self.first_batch = None
        self.handle.before_first()

    def _current(self) -> DataBatch:
        return DataBatch(data=[self.getdata()], label=[self.getlabel()], pad=self.getpad(),
                         index=self.getindex())

    def next(self) -> DataBatch:
        if self._debug_skip_load and not self._debug_at_begin:
            return self._current()
        if self.first_batch is not None:
            batch, self.first_batch = self.first_batch, None
            return batch
        self._debug_at_begin = False
        if self.handle.next():
            return self._current()
        raise StopIteration

    def iter_next(self) -> int:
        if self.first_batch is not None:
            return True
        return int(self.handle.next())

    def getdata(self):
        return self.handle.data()

    def getlabel(self):
        return self.handle.label()

    def getindex(self):
        index = self.handle.index()
        return index.copy() if index.size else None

    def getpad(self) -> int:
        return self.handle.pad()


# --------------------------------------------------------------------------- parameters
_REQUIRED = object()


def _parse_int(name: str, value, kind: str = "int (non-negative)") -> int:
    text = str(value).strip()
    try:
        out = int(text)
    except ValueError:
        out = -1
    if out < 0 or not text.lstrip("+").isdigit():
        raise MXNetError("Invalid Parameter format for %s expect %s but value='%s'"
                         % (name, kind, value))
    return out


def _parse_bool(name: str, value) -> bool:
    text = str(value).strip().lower()
    if text in ("1", "true"):
        return True
    if text in ("0", "false"):
        return False
    raise MXNetError("Invalid Parameter format for %s expect boolean but value='%s'"
                     % (name, value))


def _parse_shape(name: str, value) -> tuple:
    text = str(value).strip()
    inner = text[1:-1] if text[:1] in "([" and text[-1:] in ")]" else text
    try:
        dims = tuple(int(p) for p in inner.split(",") if p.strip())
    except ValueError:
        raise MXNetError("Invalid Parameter format for %s expect Shape(tuple) but value='%s'"
                         % (name, value)) from None
    for d in dims:
        if d < 0:
            raise MXNetError("Check failed: dim_size_is_known(*it): Shape dim size cannot be "
                             "a negative value %d" % d)
    return dims


def _shape_text(shape: tuple) -> str:
    return "[" + ",".join(str(d) for d in shape) + "]"


_DTYPES = (None, "bfloat16", "float16", "float32", "float64", "int32", "int64", "int8",
           "uint8")
_CSV_DTYPES = {None: np.float32, "float32": np.float32, "int32": np.int32, "int64": np.int64}


def _params(kwargs: dict, spec: list) -> dict:
    """Parse keyword arguments by ``spec = [(name, type_text, parser, default)]`` in MXNet's
    order; a missing required one raises MXNet's message."""
    out = {}
    for name, type_text, parse, default in spec:
        if name in kwargs:
            out[name] = parse(name, kwargs[name])
        elif default is _REQUIRED:
            raise MXNetError("Required parameter %s of %s is not presented" % (name, type_text))
        else:
            out[name] = default
    return out


def _parse_dtype(name: str, value):
    if value is None or str(value) == "None":
        return None
    text = value if isinstance(value, str) else np.dtype(value).name
    if text not in _DTYPES:
        raise MXNetError("Invalid Input: '%s', valid values are: {None, 'bfloat16', 'float16', "
                         "'float32', 'float64', 'int32', 'int64', 'int8', 'uint8'}" % value)
    return text


def _keep(name, value):
    return value


# --------------------------------------------------------------------------- CSV reading
def _read_csv(path: str, width: int):
    """Rows of a CSV file as float64 and the index of the first row whose length is not
    ``width`` (or None) with that row's length."""
    if not os.path.exists(path):
        raise MXNetError("LocalFileSystem.GetPathInfo: %s error: No such file or directory"
                         % path)
    if os.path.getsize(path) == 0:
        raise MXNetError("Check failed: files_.size() != 0U (0 vs. 0) : Cannot find any "
                         "files that matches the URI pattern %s" % path)
    try:
        rows = np.loadtxt(path, delimiter=",", dtype=np.float64, ndmin=2)
        if rows.shape[1] == width:
            return rows, None, None
        return rows[:0].reshape(0, width), 0, rows.shape[1]
    except ValueError:
        pass
    # ragged or unusual rows: parse line by line to find the first bad one
    with open(path, encoding="utf-8", errors="replace") as f:
        lines = [ln for ln in (raw.strip() for raw in f) if ln]
    good = []
    for i, line in enumerate(lines):
        fields = line.split(",")
        if len(fields) != width:
            return np.asarray(good, dtype=np.float64).reshape(len(good), width), i, len(fields)
        good.append([_to_float(p) for p in fields])
    return np.asarray(good, dtype=np.float64).reshape(len(good), width), None, None


def _to_float(text: str) -> float:
    try:
        return float(text)
    except ValueError:
        return 0.0


class _CSVSource:
    """One CSV file with rows of a fixed shape; reading a bad row raises MXNet's error."""

    def __init__(self, path: str, shape: tuple):
        self.shape = shape
        width = int(np.prod(shape)) if shape else 1
        self.rows, self.bad_row, self.bad_len = _read_csv(path, width)
        self.width = width

    def check(self, stop: int) -> None:
        """Raise if rows ``[0, stop)`` include the bad row."""
        if self.bad_row is not None and stop > self.bad_row:
            raise MXNetError(
                "Check failed: row.length == shape.Size() (%d vs. %d) : The data size in CSV "
                "do not match size of shape: specified shape=%s, the csv row-length=%d"
                % (self.bad_len, self.width, _shape_text(self.shape), self.bad_len))

    @property
    def num_rows(self) -> int:
        return self.rows.shape[0] + (1 if self.bad_row is not None else 0)


class _CSVReader:
    """Batches of a CSV data file (and optional label file) with MXNet's batch loader
    rules: ``round_batch`` wraps the last batch around to the start and the next epoch
    then begins after the wrapped rows; otherwise the unfilled tail of the last batch
    keeps the previous batch's rows and ``pad`` counts them."""

    def __init__(self, p: dict):
        self.batch_size = p["batch_size"]
        self.round_batch = p["round_batch"]
        self.dtype = _CSV_DTYPES[p["dtype"]]
        self.data_src = _CSVSource(p["data_csv"], p["data_shape"])
        self.label_src = None
        label_shape = (1,)
        if p["label_csv"] != "NULL":
            self.label_src = _CSVSource(p["label_csv"], p["label_shape"])
            label_shape = p["label_shape"]
        if int(np.prod(label_shape)) == 1:
            label_shape = ()
        self.num = self.data_src.num_rows
        bs = self.batch_size
        self.data_buf = np.zeros((bs,) + tuple(p["data_shape"]), dtype=self.dtype)
        self.label_buf = np.zeros((bs,) + tuple(label_shape), dtype=self.dtype)
        self.index_buf = np.zeros((bs,), dtype=np.uint64)
        self.pos = 0
        self.overflow = 0
        self._pad = 0
        self._data = self._label = None

    def _fill(self, dst: int, start: int, count: int) -> None:
        stop = start + count
        self.data_src.check(stop)
        if self.label_src is not None:
            self.label_src.check(stop)
            if stop > self.label_src.num_rows:
                raise MXNetError("Check failed: label_parser_->Next(): Data CSV's row is "
                                 "smaller than the number of rows in label_csv")
        flat = self.data_buf.reshape(self.batch_size, -1)
        flat[dst:dst + count] = self.data_src.rows[start:stop]
        if self.label_src is not None:
            lab = self.label_buf.reshape(self.batch_size, -1)
            lab[dst:dst + count] = self.label_src.rows[start:stop]
        self.index_buf[dst:dst + count] = np.arange(start, stop, dtype=np.uint64)

    def before_first(self) -> None:
        if not self.round_batch or self.overflow == 0:
            self.pos = 0
        else:
            self.overflow = 0

    def next(self) -> bool:
        self._pad = 0
        if self.overflow != 0:
            return False
        bs = self.batch_size
        take = min(bs, self.num - self.pos)
        if take <= 0 or bs == 0:
            return False
        self._fill(0, self.pos, take)
        self.pos += take
        if take < bs:
            if self.round_batch:
                need = bs - take
                if need > self.num:
                    self._fill(take, 0, self.num)
                    raise MXNetError("Check failed: base_->Next(): number of input must be "
                                     "bigger than batch size")
                self._fill(take, 0, need)
                self.pos = need
                self.overflow = need
                self._pad = need
            else:
                self._pad = bs - take
        self._data = array(self.data_buf.copy(), dtype=self.dtype)
        self._label = array(self.label_buf.copy(), dtype=self.dtype)
        self._index = self.index_buf.copy()
        return True

    def data(self):
        return self._data

    def label(self):
        return self._label

    def index(self) -> np.ndarray:
        return self._index

    def pad(self) -> int:
        return self._pad


_CSV_SPEC = [
    ("batch_size", "int (non-negative)", _parse_int, _REQUIRED),
    ("round_batch", "boolean", _parse_bool, True),
    ("data_csv", "string", lambda n, v: str(v), _REQUIRED),
    ("data_shape", "Shape(tuple)", _parse_shape, _REQUIRED),
    ("label_csv", "string", lambda n, v: str(v), "NULL"),
    ("label_shape", "Shape(tuple)", _parse_shape, (1,)),
    ("prefetch_buffer", "long (non-negative)", lambda n, v: _parse_int(
        n, v, "long (non-negative)"), 4),
    ("ctx", "{'cpu', 'gpu'}", _keep, "gpu"),
    ("dtype", "{None, 'bfloat16', 'float16', 'float32', 'float64', 'int32', 'int64', 'int8', "
              "'uint8'}", _parse_dtype, None),
]


def CSVIter(*args, **kwargs) -> MXDataIter:  # noqa: N802  (MXNet's name)
    """Batches from CSV files: ``data_csv`` rows reshaped to ``data_shape``, optional
    ``label_csv`` rows of ``label_shape`` (zeros without it), ``batch_size``,
    ``round_batch`` (default True), ``dtype`` ('float32', 'int32' or 'int64'),
    ``data_name``/``label_name``. Keyword arguments only."""
    p = _params(kwargs, _CSV_SPEC)
    if p["dtype"] not in _CSV_DTYPES:
        raise MXNetError("Check failed: false: %s is not supported for CSVIter" % p["dtype"])
    reader = _CSVReader(p)
    if args:
        raise TypeError("CSVIter can only accept keyword arguments")
    return MXDataIter(reader, **kwargs)


def _unavailable(name: str):
    def creator(*args, **kwargs):
        raise NotImplementedError(
            "mx.io.%s is not provided by mxcompat (it is one of MXNet's C++ iterators); "
            "use mx.io.NDArrayIter / CSVIter or mx.gluon.data instead" % name)
    creator.__name__ = name
    creator.__qualname__ = name
    creator.__doc__ = "Not provided by mxcompat: raises NotImplementedError."
    return creator


ImageRecordIter = _unavailable("ImageRecordIter")
ImageRecordIter_v1 = _unavailable("ImageRecordIter_v1")
ImageRecordUInt8Iter = _unavailable("ImageRecordUInt8Iter")
ImageRecordUInt8Iter_v1 = _unavailable("ImageRecordUInt8Iter_v1")
ImageRecordInt8Iter = _unavailable("ImageRecordInt8Iter")
ImageDetRecordIter = _unavailable("ImageDetRecordIter")
LibSVMIter = _unavailable("LibSVMIter")
