"""``mx.recordio``: MXNet's RecordIO container format, read and written in Python.

File layout (dmlc RecordIO): each record is stored as one or more parts. A part is the
little-endian uint32 magic ``0xced7230a``, a uint32 ``(cflag << 29) | length`` and
``length`` bytes of data padded with zeros to a multiple of 4. A record whose data holds
the magic word at a 4-byte-aligned offset is split there (the magic itself is dropped):
``cflag`` is 0 for a whole record, 1/2/3 for the first/middle/last part; the reader joins
the parts, putting the magic back between them.

An image record (``pack``) starts with the header ``IRHeader(flag, label, id, id2)``
packed as ``struct('IfQQ')``; when ``label`` is an array, ``flag`` holds its length and the
float32 values follow the header.
"""
from __future__ import annotations

import numbers
import os
import struct
from collections import namedtuple
from multiprocessing import current_process

import numpy as np

from .base import MXNetError

__all__ = ["MXRecordIO", "MXIndexedRecordIO", "IRHeader", "pack", "unpack", "pack_img",
           "unpack_img"]

_MAGIC = 0xced7230a
_MAGIC_BYTES = struct.pack("<I", _MAGIC)
_PART = struct.Struct("<II")


def _split_on_magic(buf: bytes) -> list:
    """The pieces of ``buf`` between 4-byte-aligned occurrences of the magic word."""
    words = np.frombuffer(buf, dtype="<u4", count=len(buf) // 4)
    hits = np.flatnonzero(words == _MAGIC) * 4
    pieces, start = [], 0
    for pos in hits.tolist():
        pieces.append(buf[start:pos])
        start = pos + 4
    pieces.append(buf[start:])
    return pieces


class MXRecordIO:
    """Sequential reader (``flag='r'``) or writer (``flag='w'``) of a RecordIO file."""

    def __init__(self, uri: str, flag: str):
        self.uri = uri
        self.flag = flag
        self.pid = None
        self.is_open = False
        self._file = None
        self.open()

    def open(self) -> None:
        """Open the file (a writer truncates it)."""
        if self.flag == "w":
            mode, self.writable = "wb", True
        elif self.flag == "r":
            mode, self.writable = "rb", False
        else:
            raise ValueError("Invalid flag %s" % self.flag)
        try:
            self._file = open(self.uri, mode)
        except OSError as exc:
            raise MXNetError('LocalFileSystem: Check failed: allow_null: :Open "%s": %s'
                             % (self.uri, exc.strerror)) from None
        self.pid = current_process().pid
        self.is_open = True

    def __del__(self):
        try:
            self.close()
        except Exception:  # pragma: no cover - interpreter shutdown
            pass

    def __getstate__(self):
        was_open = self.is_open
        self.close()
        state = dict(self.__dict__)
        state["is_open"] = was_open
        state["_file"] = None
        return state

    def __setstate__(self, state):
        self.__dict__ = state
        was_open = state["is_open"]
        self.is_open = False
        if was_open:
            self.open()

    def _check_pid(self, allow_reset: bool = False) -> None:
        if self.pid != current_process().pid:
            if allow_reset:
                self.reset()
            else:
                raise RuntimeError("Forbidden operation in multiple processes")

    def close(self) -> None:
        """Close the file (safe to call twice)."""
        if not self.is_open:
            return
        self._file.close()
        self._file = None
        self.is_open = False
        self.pid = None

    def reset(self) -> None:
        """Reopen: a reader starts again at the first record, a writer truncates."""
        self.close()
        self.open()

    def write(self, buf: bytes) -> None:
        """Append one record."""
        assert self.writable
        self._check_pid(allow_reset=False)
        buf = bytes(buf)
        pieces = _split_on_magic(buf)
        last = len(pieces) - 1
        out = []
        for i, piece in enumerate(pieces):
            cflag = 0 if last == 0 else (1 if i == 0 else (3 if i == last else 2))
            n = len(piece)
            out.append(_PART.pack(_MAGIC, (cflag << 29) | n))
            out.append(piece)
            out.append(b"\0" * (-n % 4))
        self._file.write(b"".join(out))

    def read(self) -> bytes | None:
        """The next record, or None at the end of the file."""
        assert not self.writable
        self._check_pid(allow_reset=False)
        f = self._file
        chunks = []
        while True:
            head = f.read(8)
            if not head:
                return None
            if len(head) != 8:
                raise MXNetError("Check failed: nread == sizeof(header): Invalid RecordIO File")
            magic, lrec = _PART.unpack(head)
            if magic != _MAGIC:
                raise MXNetError("Check failed: header[0] == RecordIOWriter::kMagic: "
                                 "Invalid RecordIO File")
            cflag, n = lrec >> 29, lrec & ((1 << 29) - 1)
            data = f.read(n + (-n % 4))
            chunks.append(data[:n])
            if cflag in (0, 3):
                return b"".join(chunks)
            chunks.append(_MAGIC_BYTES)


class MXIndexedRecordIO(MXRecordIO):
    """A RecordIO file plus an index file (``key<TAB>offset`` lines) for random access."""

    def __init__(self, idx_path: str, uri: str, flag: str, key_type=int):
        self.idx_path = idx_path
        self.idx = {}
        self.keys = []
        self.key_type = key_type
        self.fidx = None
        super().__init__(uri, flag)

    def open(self) -> None:
        super().open()
        self.idx = {}
        self.keys = []
        self.fidx = open(self.idx_path, self.flag)
        if not self.writable:
            for line in iter(self.fidx.readline, ""):
                fields = line.strip().split("\t")
                key = self.key_type(fields[0])
                self.idx[key] = int(fields[1])
                self.keys.append(key)

    def close(self) -> None:
        if not self.is_open:
            return
        super().close()
        self.fidx.close()

    def __getstate__(self):
        state = super().__getstate__()
        state["fidx"] = None
        return state

    def seek(self, idx) -> None:
        """Move the reader to the record with key ``idx``."""
        assert not self.writable
        self._check_pid(allow_reset=True)
        self._file.seek(self.idx[idx])

    def tell(self) -> int:
        """The writer's current offset in bytes."""
        assert self.writable
        return self._file.tell()

    def read_idx(self, idx) -> bytes | None:
        """The record with key ``idx``."""
        self.seek(idx)
        return self.read()

    def write_idx(self, idx, buf: bytes) -> None:
        """Append a record under key ``idx``."""
        key = self.key_type(idx)
        pos = self.tell()
        self.write(buf)
        self.fidx.write("%s\t%d\n" % (str(key), pos))
        self.idx[key] = pos
        self.keys.append(key)


IRHeader = namedtuple("HEADER", ["flag", "label", "id", "id2"])
IRHeader.__doc__ = """Header of an image record: flag, label (number or float array), id, id2."""

_IR_FORMAT = "IfQQ"
_IR_SIZE = struct.calcsize(_IR_FORMAT)


def pack(header, s: bytes) -> bytes:
    """An image record: the header (label array appended as float32 if not a number),
    then ``s``."""
    header = IRHeader(*header)
    if isinstance(header.label, numbers.Number):
        header = header._replace(flag=0)
    else:
        label = np.asarray(header.label, dtype=np.float32)
        header = header._replace(flag=label.size, label=0)
        s = label.tobytes() + s
    return struct.pack(_IR_FORMAT, *header) + s


def unpack(s: bytes):
    """Split an image record into ``(IRHeader, payload)``."""
    header = IRHeader(*struct.unpack(_IR_FORMAT, s[:_IR_SIZE]))
    s = s[_IR_SIZE:]
    if header.flag > 0:
        header = header._replace(label=np.frombuffer(s, np.float32, header.flag))
        s = s[header.flag * 4:]
    return header, s


def unpack_img(s: bytes, iscolor: int = -1):
    """``(IRHeader, image)``: the payload decoded as OpenCV would (numpy, BGR order).

    ``iscolor``: -1 keeps the stored channels, 0 gives grey (H, W), 1 gives 3-channel BGR.
    """
    from .image import _codec
    header, s = unpack(s)
    return header, _codec.decode_cv(s, iscolor)


def pack_img(header, img: np.ndarray, quality: int = 95, img_fmt: str = ".jpg") -> bytes:
    """An image record holding ``img`` (numpy, BGR order as OpenCV) encoded as JPEG
    (``quality`` 1-100) or PNG (``quality`` = compression level 0-9)."""
    from .image import _codec
    return pack(header, _codec.encode_cv(img, quality, img_fmt))
