"""Tests for the .params / pickled-NDArray binary format (mxcompat.ndarray._params_format).

The golden files in tests/data/params were written by real MXNet 1.9.1 with
tools/record_params_goldens.py; manifest.json says what each one holds.
"""
import io
import json
import pickle
import struct
from pathlib import Path

import ml_dtypes
import numpy as np
import pytest

from mxcompat.base import MXNetError
from mxcompat.ndarray import _params_format as pf

DATA = Path(__file__).parent / "data" / "params"
MANIFEST = json.loads((DATA / "manifest.json").read_text(encoding="utf-8"))["files"]
BF16 = np.dtype(ml_dtypes.bfloat16)
ALL_DTYPES = [np.float32, np.float64, np.float16, np.uint8, np.int32, np.int8, np.int64,
              np.bool_, BF16]


def files_of(kind, pred=lambda entry: True):
    return sorted(name for name, e in MANIFEST.items() if e["kind"] == kind and pred(e))


def expected_array(desc):
    dtype = BF16 if desc["dtype"] == "bfloat16" else np.dtype(desc["dtype"])
    if dtype == BF16:
        arr = np.array(desc["values"], dtype=np.float32).astype(BF16)
    else:
        arr = np.array(desc["values"], dtype=dtype)
    return arr.reshape(desc["shape"])


def assert_same_array(got, want):
    """Same dtype, shape and bytes (so NaN, -0.0 and bfloat16 bits are compared exactly)."""
    assert isinstance(got, np.ndarray)
    assert got.dtype == want.dtype
    assert got.shape == want.shape
    assert got.tobytes() == want.tobytes()


def read(name):
    return (DATA / name).read_bytes()


# --------------------------------------------------------------------------------------------
# hand-made records, built from the documented layout
# --------------------------------------------------------------------------------------------

def legacy_record(arr, code, dev_type=1, dev_id=0):
    """Pre-V1 record: no magic, u32 ndim, u32 dims."""
    return (struct.pack(f"<I{arr.ndim}I", arr.ndim, *arr.shape)
            + struct.pack("<iii", dev_type, dev_id, code) + arr.tobytes())


def v1_record(arr, code, dev_type=1, dev_id=0):
    return (struct.pack(f"<Ii{arr.ndim}q", pf.V1_MAGIC, arr.ndim, *arr.shape)
            + struct.pack("<iii", dev_type, dev_id, code) + arr.tobytes())


def v2_record(arr, code, dev_type=1, dev_id=0, magic=pf.V2_MAGIC):
    return (struct.pack(f"<Iii{arr.ndim}q", magic, 0, arr.ndim, *arr.shape)
            + struct.pack("<iii", dev_type, dev_id, code) + arr.tobytes())


def list_file(records, names=()):
    out = struct.pack("<QQQ", 0x112, 0, len(records)) + b"".join(records)
    out += struct.pack("<Q", len(names))
    for n in names:
        raw = n.encode("utf-8")
        out += struct.pack("<Q", len(raw)) + raw
    return out


A = np.array([[1, 2, 3], [4, 5, 6]], np.float32)
B = np.array([7, -8], np.int32)
C = np.array([0.5], np.float64)
D = np.arange(24, dtype=np.uint8).reshape(2, 3, 4)


# --------------------------------------------------------------------------------------------
# golden files from real MXNet
# --------------------------------------------------------------------------------------------

def test_manifest_covers_files():
    on_disk = {p.name for p in DATA.iterdir()} - {"manifest.json"}
    assert on_disk == set(MANIFEST)
    assert sum(p.stat().st_size for p in DATA.iterdir()) < 200 * 1024


@pytest.mark.parametrize("name", files_of("list", lambda e: "arrays" in e))
def test_decode_golden_list(name):
    entry = MANIFEST[name]
    records, names = pf.decode_list(read(name))
    assert names == (entry["names"] or [])
    assert all(isinstance(n, str) for n in names)
    assert len(records) == len(entry["arrays"])
    for (arr, dev_type, dev_id), desc in zip(records, entry["arrays"]):
        assert (dev_type, dev_id) == (desc["dev_type"], desc["dev_id"])
        assert_same_array(arr, expected_array(desc))


@pytest.mark.parametrize("name", files_of("list", lambda e: "arrays" in e
                                          and all(a["stype"] == "default" for a in e["arrays"])))
def test_encode_matches_golden_bytes(name):
    entry = MANIFEST[name]
    records = [(expected_array(d), d["dev_type"], d["dev_id"]) for d in entry["arrays"]]
    out = pf.encode_list(records, entry["names"], np_shape=entry["record_version"] == "V3")
    assert isinstance(out, bytes)
    assert out == read(name)


def test_golden_examples_from_reference():
    assert len(read("empty.params")) == 32
    assert pf.decode_list(read("empty.params")) == ([], [])
    assert pf.encode_list([]) == read("empty.params")
    assert pf.encode_list([], names=[]) == read("empty.params")
    # the hex dump of the reference notes
    out = pf.encode_list([(A, 1, 0), (np.array([7], np.int32), 1, 0)], ["w", "bias"])
    assert out[:0x18].hex() == "1201000000000000" "0000000000000000" "0200000000000000"
    assert out[-12:] == struct.pack("<Q", 4) + b"bias"
    assert out == read("dict.params")


@pytest.mark.parametrize("name", files_of("record"))
def test_decode_golden_record(name):
    desc, = MANIFEST[name]["arrays"]
    arr, dev_type, dev_id = pf.decode_array(read(name))
    assert (dev_type, dev_id) == (1, 0)
    assert_same_array(arr, expected_array(desc))
    if desc["stype"] == "default":
        again = pf.encode_array(arr, dev_type, dev_id,
                                np_shape=MANIFEST[name]["record_version"] == "V3")
        assert again == read(name)


def test_pickle_record_matches_reference():
    # The record MXNet pickles for nd.array([1, 2]) (reference section 5.3).
    want = bytes.fromhex("c9fa93f9 00000000 01000000 0200000000000000 01000000 00000000"
                         " 00000000 0000803f 00000040".replace(" ", ""))
    assert pf.encode_array(np.array([1, 2], np.float32), 1, 0) == want
    assert read("record_float32.bin") == want


class _StubNDArray:
    """Stands in for mxnet's NDArray class when unpickling MXNet's bytes."""

    def __init__(self, handle=None):
        self.state = None

    def __setstate__(self, state):
        self.state = state


class _StubUnpickler(pickle.Unpickler):
    def find_class(self, module, name):
        if module.startswith("mxnet"):
            return _StubNDArray
        return super().find_class(module, name)


def test_decode_pickled_ndarray():
    entry = MANIFEST["pickled_ndarray.pkl"]
    obj = _StubUnpickler(io.BytesIO(read("pickled_ndarray.pkl"))).load()
    assert isinstance(obj.state, dict) and set(obj.state) == {"handle"}
    handle = obj.state["handle"]
    assert isinstance(handle, bytearray)
    arr, dev_type, dev_id = pf.decode_array(handle)
    assert (dev_type, dev_id) == (1, 0)
    assert_same_array(arr, expected_array(entry["arrays"][0]))
    assert pf.encode_array(arr, 1, 0) == bytes(handle)


def test_zero_dim_file_written_by_mxnet_is_rejected():
    # MXNet cannot load this file either (manifest: its load error).
    assert MANIFEST["zero_dim_legacy.params"]["mxnet_load_error"]
    with pytest.raises(MXNetError, match="Invalid NDArray file format.*empty"):
        pf.decode_list(read("zero_dim_legacy.params"))


def test_sparse_goldens_decode_dense():
    records, names = pf.decode_list(read("sparse.params"))
    got = dict(zip(names, (r[0] for r in records)))
    np.testing.assert_array_equal(got["rsp"], [[0, 0], [1, 2]])
    np.testing.assert_array_equal(got["csr"], [[0, 3], [1, 0]])
    np.testing.assert_array_equal(got["rsp_big"], [[0, 0, 0], [1, 2, 3], [0, 0, 0],
                                                   [4, 5, 6], [0, 0, 0]])
    assert got["rsp_big"].dtype == np.float64
    np.testing.assert_array_equal(got["csr_big"], [[0, 1, 0, 2], [0, 0, 0, 0], [3, 0, 4, 0]])
    np.testing.assert_array_equal(got["rsp_zero"], np.zeros((3, 2)))
    np.testing.assert_array_equal(got["csr_zero"], np.zeros((3, 2)))
    np.testing.assert_array_equal(got["dense"], [9, 8])


def test_sparse_record_layout():
    # row_sparse [[0,0],[1,2],[0,0]]: storage (1,2), shape (3,2), one int64 aux (indices)
    rec = read("record_row_sparse.bin")
    magic, stype = struct.unpack_from("<Ii", rec)
    assert (magic, stype) == (pf.V2_MAGIC, pf.STYPE_ROW_SPARSE)
    rec = read("record_csr.bin")
    assert struct.unpack_from("<Ii", rec) == (pf.V2_MAGIC, pf.STYPE_CSR)


# --------------------------------------------------------------------------------------------
# round trips
# --------------------------------------------------------------------------------------------

def _sample(dtype, shape, rng):
    dtype = np.dtype(dtype)
    if dtype == np.bool_:
        return rng.random(shape) > 0.5
    if dtype.kind in "iu":
        info = np.iinfo(dtype)
        return rng.integers(info.min, info.max, size=shape, dtype=dtype, endpoint=True)
    return (rng.standard_normal(shape) * 100).astype(dtype)


@pytest.mark.parametrize("dtype", ALL_DTYPES, ids=lambda d: np.dtype(d).name)
def test_round_trip_every_dtype(dtype):
    rng = np.random.default_rng(0)
    arrays = [_sample(dtype, s, rng) for s in [(1,), (5,), (2, 3), (2, 1, 4), (0, 3)]]
    records = [(a, 1, 0) for a in arrays]
    names = [f"p{i}" for i in range(len(arrays))]
    for nm in (None, names):
        out, got_names = pf.decode_list(pf.encode_list(records, nm))
        assert got_names == (nm or [])
        for (got, dt, di), want in zip(out, arrays):
            assert (dt, di) == (1, 0)
            assert_same_array(got, want)
        rec = pf.encode_array(arrays[2], 1, 0)
        assert_same_array(pf.decode_array(rec)[0], arrays[2])


def test_bfloat16_special_values_round_trip():
    vals = np.array([0.0, -0.0, 1.0, -2.5, np.inf, -np.inf, np.nan, 3.0e38, 1e-40],
                    np.float32).astype(BF16)
    (got, _, _), = pf.decode_list(pf.encode_list([(vals, 1, 0)]))[0]
    assert_same_array(got, vals)
    # MXNet's own Python spelling of bfloat16 is accepted on the writing side
    mx_style = vals.view(np.uint16).view(np.dtype([("bfloat16", "<u2")]))
    assert pf.encode_array(mx_style, 1, 0) == pf.encode_array(vals, 1, 0)
    bf = np.array([1, 2.5, -3], np.float32).astype(BF16)
    assert pf.encode_array(bf, 1, 0) == read("record_bfloat16.bin")


def test_layouts_and_byte_orders_are_normalised():
    base = np.arange(24, dtype=np.float64).reshape(4, 6)
    variants = [base.T, base[:, ::2], np.asfortranarray(base), base.astype(">f8"),
                base.astype(">i4")[::-1]]
    for v in variants:
        got, _, _ = pf.decode_array(pf.encode_array(v, 1, 0))
        assert got.dtype == v.dtype.newbyteorder("=")
        assert got.flags.c_contiguous
        np.testing.assert_array_equal(got, v)
        assert pf.encode_array(v, 1, 0) == pf.encode_array(np.ascontiguousarray(got), 1, 0)


def test_contexts_are_kept():
    records = [(A, 2, 1), (B, 3, 0), (C, 5, 7)]
    out, _ = pf.decode_list(pf.encode_list(records))
    assert [(dt, di) for _, dt, di in out] == [(2, 1), (3, 0), (5, 7)]


def test_decoded_arrays_are_fresh_and_writable():
    buf = bytearray(pf.encode_list([(A, 1, 0)]))
    (arr, _, _), = pf.decode_list(buf)[0]
    arr[0, 0] = 99  # writable
    buf[-4 - 8:-8] = b"\0\0\0\0"  # clobber the source: the array must not see it
    assert arr[1, 2] == 6
    assert pf.decode_list(memoryview(bytes(buf)))[0][0][0].shape == (2, 3)


def test_large_array_round_trip():
    big = np.arange(2_000_000, dtype=np.float32) * 0.5
    out = pf.encode_list([(big, 1, 0), (big[:10].astype(np.int64), 1, 0)], ["big", "small"])
    assert len(out) == 24 + (4 + 4 + 4 + 8 + 12 + big.nbytes) + (4 + 4 + 4 + 8 + 12 + 80) + 8 \
        + 8 + 3 + 8 + 5
    records, names = pf.decode_list(out)
    assert names == ["big", "small"]
    np.testing.assert_array_equal(records[0][0], big)


def test_np_shape_mode_writes_v3_and_scalars():
    scalar = np.array(3.5, np.float32)
    out = pf.encode_list([(scalar, 1, 0), (A, 1, 0)], ["s", "m"], np_shape=True)
    assert struct.unpack_from("<I", out, 24)[0] == pf.V3_MAGIC
    records, names = pf.decode_list(out)
    assert_same_array(records[0][0], scalar)
    assert_same_array(records[1][0], A)
    assert pf.encode_array(scalar, 1, 0, np_shape=True) == read("record_np_scalar.bin")


# --------------------------------------------------------------------------------------------
# hand-made record versions (real MXNet 1.9.1 was checked to load these same bytes)
# --------------------------------------------------------------------------------------------

def test_legacy_record():
    (arr, dt, di), = pf.decode_list(list_file([legacy_record(A, 0)]))[0]
    assert_same_array(arr, A)
    assert (dt, di) == (1, 0)
    assert_same_array(pf.decode_array(legacy_record(D, 3))[0], D)


def test_v1_record():
    (arr, dt, di), = pf.decode_list(list_file([v1_record(B, 4)]))[0]
    assert_same_array(arr, B)
    assert_same_array(pf.decode_array(v1_record(B, 4))[0], B)


def test_mixed_record_versions_with_names_and_gpu_context():
    buf = list_file([legacy_record(C, 1), v1_record(B, 4, 2, 1), v2_record(A, 0),
                     legacy_record(D, 3, 3, 0)], ["c", "b", "a", "d"])
    records, names = pf.decode_list(buf)
    assert names == ["c", "b", "a", "d"]
    for (arr, _, _), want in zip(records, [C, B, A, D]):
        assert_same_array(arr, want)
    assert [(dt, di) for _, dt, di in records] == [(1, 0), (2, 1), (1, 0), (3, 0)]


def test_v3_record_hand_made():
    rec = v2_record(np.array(2.0, np.float64), 1, magic=pf.V3_MAGIC)
    assert_same_array(pf.decode_array(rec)[0], np.array(2.0, np.float64))
    unknown = struct.pack("<Iii", pf.V3_MAGIC, 0, -1)
    with pytest.raises(MXNetError, match="empty"):
        pf.decode_array(unknown)
    unknown_dim = struct.pack("<Iiiqq", pf.V3_MAGIC, 0, 2, 2, -1)
    with pytest.raises(MXNetError, match="empty"):
        pf.decode_array(unknown_dim)


@pytest.mark.parametrize("record", [
    struct.pack("<Iii", pf.V2_MAGIC, 0, 0),
    struct.pack("<Ii", pf.V1_MAGIC, 0),
    struct.pack("<I", 0),
], ids=["v2", "v1", "legacy"])
def test_none_records_raise(record):
    with pytest.raises(MXNetError, match="Invalid NDArray file format.*empty"):
        pf.decode_list(list_file([record]))


# --------------------------------------------------------------------------------------------
# errors
# --------------------------------------------------------------------------------------------

def test_bad_list_magic():
    good = read("dict.params")
    for bad in [b"\x13" + good[1:], b"", b"\x12\x01", b"garbage-garbage-garbage-garbage!"]:
        with pytest.raises(MXNetError) as info:
            pf.decode_list(bad)
        assert str(info.value) == ("Check failed: header == kMXAPINDArrayListMagic: "
                                   "Invalid NDArray file format")


@pytest.mark.parametrize("name", ["dict.params", "sparse.params", "dtypes.params",
                                  "v3_np_shape.params"])
def test_every_truncation_raises_mxnet_error(name):
    good = read(name)
    for n in range(8, len(good)):
        with pytest.raises(MXNetError, match="Invalid NDArray file format"):
            pf.decode_list(good[:n])


def test_truncated_single_records():
    for name in files_of("record"):
        good = read(name)
        for n in range(len(good)):
            with pytest.raises(MXNetError, match="Invalid NDArray file format"):
                pf.decode_array(good[:n])


def test_trailing_bytes_are_ignored():
    good = read("dict.params")
    assert pf.decode_list(good + b"xyz")[1] == ["w", "bias"]


def test_name_count_must_match():
    body = pf.encode_list([(A, 1, 0), (B, 1, 0)])[:-8]
    for names in [["w"], ["a", "b", "c"]]:
        with pytest.raises(MXNetError, match="Invalid NDArray file format.*2 arrays but"):
            pf.decode_list(body + list_file([], names)[24:])


def test_duplicate_names_are_returned_as_stored():
    out = pf.encode_list([(A, 1, 0), (B, 1, 0)], ["x", "x"])
    assert pf.decode_list(out)[1] == ["x", "x"]


def test_bad_utf8_name_raises_like_mxnet():
    body = pf.encode_list([(B, 1, 0)])[:-8]
    with pytest.raises(UnicodeDecodeError):
        pf.decode_list(body + struct.pack("<QQ", 1, 1) + b"\xff")


def test_garbled_fields():
    with pytest.raises(MXNetError, match="unknown dtype code 9"):
        pf.decode_array(v2_record(B, 9))
    with pytest.raises(MXNetError, match="unknown storage type 5"):
        pf.decode_array(struct.pack("<Iii", pf.V2_MAGIC, 5, 1))
    with pytest.raises(MXNetError, match="neither a record magic"):
        pf.decode_list(list_file([b"\xde\xad\xbe\xef" + b"\0" * 40]))
    with pytest.raises(MXNetError, match="negative dimension"):
        pf.decode_array(struct.pack("<Iiiq", pf.V2_MAGIC, 0, 1, -3))
    # A huge element count must fail cleanly, not try to allocate.
    with pytest.raises(MXNetError, match="unexpected end of data"):
        pf.decode_array(struct.pack("<Iiiqqiii", pf.V2_MAGIC, 0, 2, 2**40, 2**40, 1, 0, 0))
    with pytest.raises(MXNetError, match="unexpected end of data"):
        pf.decode_list(struct.pack("<QQQ", 0x112, 0, 2**62))


def _tamper_sparse(name, aux_value_offset_from_end, value):
    rec = bytearray(read(name))
    struct.pack_into("<q", rec, len(rec) - aux_value_offset_from_end, value)
    return bytes(rec)


def test_bad_sparse_indices():
    # record_row_sparse.bin ends with its single int64 row index (1); point it past the end
    with pytest.raises(MXNetError, match="row index out of range"):
        pf.decode_array(_tamper_sparse("record_row_sparse.bin", 8, 3))
    # record_csr.bin ends with the column indices [1, 0]; make one negative
    with pytest.raises(MXNetError, match="column index out of range"):
        pf.decode_array(_tamper_sparse("record_csr.bin", 8, -1))
    # ... and its indptr (0 1 2) precedes them; break it
    with pytest.raises(MXNetError, match="indptr"):
        pf.decode_array(_tamper_sparse("record_csr.bin", 16 + 8, 5))


def test_encode_errors():
    with pytest.raises(ValueError, match="0-d"):
        pf.encode_list([(np.array(3.5, np.float32), 1, 0)])
    with pytest.raises(ValueError, match="0-d"):
        pf.encode_array(np.array(1, np.int32), 1, 0)
    for bad in [np.complex64, np.int16, np.uint32, np.uint64, np.float128
                if hasattr(np, "float128") else np.uint16, object]:
        with pytest.raises(TypeError, match="cannot save an array of dtype"):
            pf.encode_array(np.zeros(2, dtype=bad), 1, 0)
    with pytest.raises(ValueError, match="2 names for 1 arrays"):
        pf.encode_list([(A, 1, 0)], ["a", "b"])
    with pytest.raises(TypeError, match="names must be str"):
        pf.encode_list([(A, 1, 0)], [b"a"])
    with pytest.raises(TypeError, match="record 0 must be a tuple"):
        pf.encode_list([A])
    with pytest.raises(TypeError, match="record 0 must be a tuple"):
        pf.encode_list([np.zeros((3, 2))])  # three rows must not pass for a record
    with pytest.raises(ValueError, match="dev_id"):
        pf.encode_array(A, 1, 2**31)
