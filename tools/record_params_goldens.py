"""Write reference NDArray-list files with the real MXNet 1.9.1, plus a JSON manifest.

Run it with the oracle's Python, not with mxcompat's:

    /work/shared/tools/mxnet-oracle tools/record_params_goldens.py tests/data/params

Every file is described in ``manifest.json`` (array dtypes, shapes, flat values, names,
storage types), so the tests that use these files never need MXNet.
"""
import json
import os
import pickle
import sys

import mxnet as mx
import numpy as np

BF16 = np.dtype([("bfloat16", "<u2")])  # how MXNet 1.9 spells bfloat16 in Python


def flat_values(nd):
    """The dense values of an NDArray as a flat list of JSON-friendly Python scalars."""
    if nd.dtype == BF16:
        bits = nd.asnumpy().view(np.uint16).astype(np.uint32) << 16
        host = bits.view(np.float32)
    else:
        host = nd.asnumpy()
    if host.dtype.kind == "f":
        return [float(v) for v in host.reshape(-1)]
    if host.dtype.kind == "b":
        return [bool(v) for v in host.reshape(-1)]
    return [int(v) for v in host.reshape(-1)]


def dtype_name(nd):
    if nd.dtype == BF16:
        return "bfloat16"
    name = np.dtype(nd.dtype).name
    return "bool" if name == "bool" else name


def describe(nd):
    return {
        "dtype": dtype_name(nd),
        "shape": list(nd.shape),
        "stype": nd.stype,
        "dev_type": 1,
        "dev_id": 0,
        "values": flat_values(nd),
    }


def settle(arrays):
    """Finish pending engine work before saving (sparse arrays race otherwise)."""
    for a in arrays:
        a.wait_to_read()
    mx.nd.waitall()


def main(outdir):
    os.makedirs(outdir, exist_ok=True)
    manifest = {"mxnet_version": mx.__version__, "files": {}}

    def save(fname, data, note, record_version="V2"):
        arrays = list(data.values()) if isinstance(data, dict) else (
            [data] if isinstance(data, mx.nd.NDArray) else list(data))
        settle(arrays)
        mx.nd.save(os.path.join(outdir, fname), data)
        manifest["files"][fname] = {
            "kind": "list",
            "note": note,
            "record_version": record_version,
            "names": list(data.keys()) if isinstance(data, dict) else None,
            "arrays": [describe(a) for a in arrays],
        }

    nd = mx.nd

    save("dict.params",
         {"w": nd.array([[1, 2, 3], [4, 5, 6]]), "bias": nd.array([7], dtype="int32")},
         "dict form, the example of the reference notes")
    save("list.params",
         [nd.array([0.5, -1.0, 2.0]),
          nd.array([[1.25, 2.5], [-3.75, 1e300]], dtype="float64"),
          nd.array(np.arange(8).reshape(2, 2, 2) - 3, dtype="int64")],
         "list form, no names")
    save("single.params", nd.array([1, 2]), "a single NDArray is saved as a 1-element list")
    save("empty.params", [], "an empty list: 32 bytes")

    f32 = [0.0, -0.0, 1.5, -2.25, 3.4028234663852886e38, 1.401298464324817e-45,
           float("inf"), float("-inf"), float("nan"), 0.1]
    dtypes = {
        "float32": nd.array(f32, dtype="float32"),
        "float64": nd.array([0.1, -0.0, 1e308, 5e-324, float("inf"), float("nan")],
                            dtype="float64"),
        "float16": nd.array([0.0, 1.5, -65504.0, 5.960464477539063e-08, 0.1,
                             float("inf"), float("nan")], dtype="float16"),
        "uint8": nd.array([0, 1, 127, 128, 255], dtype="uint8"),
        "int32": nd.array(np.array([-2**31, -1, 0, 1, 2**31 - 1], dtype=np.int32),
                          dtype="int32"),
        "int8": nd.array([-128, -1, 0, 1, 127], dtype="int8"),
        "int64": nd.array(np.array([-2**63, -1, 0, 1, 2**63 - 1], dtype=np.int64),
                          dtype="int64"),
        "bool": nd.array(np.array([[True, False], [False, True]]), dtype=np.bool_),
        "bfloat16": nd.array([1.0, -2.5, 0.1, 3.0e38, float("inf"), float("nan"), 1e-40],
                             dtype="float32").astype(BF16),
    }
    save("dtypes.params", dtypes, "every dtype MXNet 1.9 can store, with edge values")

    big = nd.array((np.arange(1000, dtype=np.float32) - 500.0) * 0.375)
    mat = nd.array(np.sin(np.arange(200, dtype=np.float64)).reshape(10, 20), dtype="float64")
    save("large.params", {"big": big, "mat": mat}, "a 1000-element float32 and a 10x20 float64")

    save("unicode_names.params",
         {"\u03b1": nd.array([1]), "\u65e5\u672c\u8a9e": nd.array([2]),
          "emoji\U0001F600": nd.array([3]), "arg:conv0_weight": nd.array([4]),
          "": nd.array([5]), "with space/and\\slash": nd.array([6])},
         "names with non-ASCII characters, an empty name and separators")

    save("zero_size.params",
         [nd.empty((0, 3)), nd.empty((4, 0), dtype="int32")],
         "arrays with a zero-sized dimension (MXNet loads them back)")

    rsp = nd.array([[0, 0], [1, 2]]).tostype("row_sparse")
    csr = nd.array([[0, 3], [1, 0]]).tostype("csr")
    rsp_big = nd.array(np.array([[0, 0, 0], [1, 2, 3], [0, 0, 0], [4, 5, 6], [0, 0, 0]]),
                       dtype="float64").tostype("row_sparse")
    csr_big = nd.array([[0, 1, 0, 2], [0, 0, 0, 0], [3, 0, 4, 0]]).tostype("csr")
    rsp_zero = nd.zeros((3, 2)).tostype("row_sparse")
    csr_zero = nd.zeros((3, 2)).tostype("csr")
    save("sparse.params",
         {"rsp": rsp, "csr": csr, "rsp_big": rsp_big, "csr_big": csr_big,
          "rsp_zero": rsp_zero, "csr_zero": csr_zero, "dense": nd.array([9, 8])},
         "row_sparse and csr records (stype 1 and 2) next to a dense one")

    with mx.util.np_shape(True):
        scalar = nd.array(np.array(3.5, dtype=np.float32))
        iscalar = nd.array(np.array(-7, dtype=np.int64), dtype="int64")
        assert scalar.shape == () and iscalar.shape == ()
        save("v3_np_shape.params",
             {"scalar": scalar, "m": nd.array([[1, 2], [3, 4]]), "iscalar": iscalar},
             "saved under mx.util.np_shape(True): V3 records, 0-d means a scalar",
             record_version="V3")
        settle([scalar])
        v3_record = bytes(scalar.__getstate__()["handle"])

    # MXNet's own 0-d pitfall: the file is written, but MXNet cannot load it.
    zd = nd.array(3.5)
    assert zd.shape == ()
    settle([zd])
    nd.save(os.path.join(outdir, "zero_dim_legacy.params"), [zd])
    try:
        nd.load(os.path.join(outdir, "zero_dim_legacy.params"))
        load_error = None
    except mx.base.MXNetError as err:
        load_error = str(err).strip().splitlines()[-1]
    manifest["files"]["zero_dim_legacy.params"] = {
        "kind": "list",
        "note": "a 0-d array saved outside np shape mode; real MXNet fails to load it",
        "record_version": "V2",
        "mxnet_load_error": load_error,
    }

    # Single records, as NDArray pickling stores them.
    records = {
        "record_float32.bin": nd.array([1, 2]),
        "record_int64_2d.bin": nd.array([[1, -2, 3], [4, 5, -6]], dtype="int64"),
        "record_bfloat16.bin": nd.array([1, 2.5, -3]).astype(BF16),
        "record_row_sparse.bin": nd.array([[0, 0], [1, 2], [0, 0]]).tostype("row_sparse"),
        "record_csr.bin": nd.array([[0, 3], [1, 0]]).tostype("csr"),
    }
    for fname, arr in records.items():
        settle([arr])
        with open(os.path.join(outdir, fname), "wb") as f:
            f.write(bytes(arr.__getstate__()["handle"]))
        manifest["files"][fname] = {"kind": "record", "record_version": "V2",
                                    "arrays": [describe(arr)]}
    with open(os.path.join(outdir, "record_np_scalar.bin"), "wb") as f:
        f.write(v3_record)
    manifest["files"]["record_np_scalar.bin"] = {
        "kind": "record", "record_version": "V3",
        "note": "a 0-d array pickled under np shape semantics",
        "arrays": [{"dtype": "float32", "shape": [], "stype": "default", "dev_type": 1,
                    "dev_id": 0, "values": [3.5]}]}

    pickled = nd.array([[1.5, -2], [3, 4]])
    settle([pickled])
    with open(os.path.join(outdir, "pickled_ndarray.pkl"), "wb") as f:
        f.write(pickle.dumps(pickled))
    manifest["files"]["pickled_ndarray.pkl"] = {
        "kind": "pickle", "record_version": "V2",
        "pickle_protocol": pickle.DEFAULT_PROTOCOL,
        "pickled_class": type(pickled).__module__ + "." + type(pickled).__name__,
        "note": "pickle.dumps(NDArray): the state is {'handle': bytearray(record)}",
        "arrays": [describe(pickled)]}

    # One line per file keeps the manifest small and still readable.
    lines = ['{"mxnet_version": %s,' % json.dumps(manifest["mxnet_version"]), ' "files": {']
    entries = list(manifest["files"].items())
    for i, (fname, entry) in enumerate(entries):
        sep = "," if i + 1 < len(entries) else ""
        lines.append("  %s: %s%s" % (json.dumps(fname), json.dumps(entry, ensure_ascii=False),
                                     sep))
    lines.append(" }}")
    with open(os.path.join(outdir, "manifest.json"), "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")

    total = sum(os.path.getsize(os.path.join(outdir, n)) for n in os.listdir(outdir))
    print("wrote %d files, %d bytes, to %s" % (len(os.listdir(outdir)), total, outdir))


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: mxnet-oracle tools/record_params_goldens.py OUTDIR")
    main(sys.argv[1])
