"""Record expected values of the indexing, sorting, matrix and linalg operators from real
MXNet 1.9.1 (the oracle), for ``tests/test_ops_misc.py``.

    ../shared/tools/mxnet-oracle tools/record_misc_values.py [output.json]

Inputs are built from np.arange and simple formulas. Each case stores the operator name
(a registry name: ``dot``, ``Pad``, ``linalg_gemm2``, ``_linalg_syevd``, ``_histogram``),
the input arrays (values and dtype), the attributes exactly as passed (keyword ``attrs``
and positional ``pos``), and either the outputs (shape, dtype, values) or the error MXNet
raised (type and message).
"""
from __future__ import annotations

import json
import os
import re
import sys

import mxnet as mx
import numpy as np

nd = mx.nd
REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(REPO, "tests", "data", "misc_values.json")

CASES = []


def arr(values, dtype="float32"):
    return np.asarray(values).astype(dtype)


def ar(shape, dtype="float32", start=0, step=1):
    n = int(np.prod(shape))
    return (start + step * np.arange(n)).reshape(shape).astype(dtype)


def case(cid, op, inputs, attrs=None, pos=None, rtol=1e-5, atol=1e-6):
    CASES.append(dict(id=cid, op=op, inputs=list(inputs), attrs=attrs or {}, pos=pos or [],
                      rtol=rtol, atol=atol))


def _resolve(op):
    for space in (nd, nd._internal):
        f = getattr(space, op, None)
        if f is not None:
            return f
    if op.startswith("_linalg_"):
        return getattr(nd.linalg, op[len("_linalg_"):])
    raise KeyError(op)


def _message(exc):
    s = str(exc)
    for marker in ("MXNetError: ", "IndexError: ", "ValueError: "):
        i = s.rfind(marker)
        if i >= 0:
            s = s[i + len(marker):]
            break
    s = re.sub(r"^\[\d\d:\d\d:\d\d\] \S+:\d+: ", "", s.strip())
    if s.startswith("Cannot find argument") or s.startswith("Required parameter") \
            or s.startswith("Invalid Input") or s.startswith("Operator "):
        return s.split("\n")[0]
    return s.split("\n")[0].strip()


def _jsonable(a):
    a = np.asarray(a)
    if a.dtype == np.bool_:
        return a.astype(int).tolist()
    if a.dtype.kind == "f":
        return a.astype(np.float64).ravel().tolist()
    return a.ravel().tolist()


def run(c):
    f = _resolve(c["op"])
    ins = [nd.array(x, dtype=x.dtype) for x in c["inputs"]]
    rec = dict(id=c["id"], op=c["op"], attrs=c["attrs"], pos=c["pos"], rtol=c["rtol"],
               atol=c["atol"],
               inputs=[dict(shape=list(x.shape), dtype=str(x.dtype), values=_jsonable(x))
                       for x in c["inputs"]])
    try:
        out = f(*ins, *c["pos"], **c["attrs"])
        outs = out if isinstance(out, (list, tuple)) else [out]
        for o in outs:
            o.wait_to_read()
        rec["outputs"] = [dict(shape=list(o.shape), dtype=np.dtype(o.dtype).name,
                               values=_jsonable(o.asnumpy())) for o in outs]
    except Exception as exc:  # noqa: BLE001 - the error itself is the expected value
        rec["error"] = dict(type=type(exc).__name__, message=_message(exc))
    return rec


# ----------------------------------------------------------------------------- dot family
case("dot_2d", "dot", [ar((2, 3)), ar((3, 4), start=-3)])
case("dot_ta", "dot", [ar((3, 2)), ar((3, 4))], {"transpose_a": True})
case("dot_tb", "dot", [ar((2, 3)), ar((4, 3), start=1)], {"transpose_b": True})
case("dot_ta_tb_str", "dot", [ar((3, 2)), ar((4, 3))], {"transpose_a": "True",
                                                         "transpose_b": "1"})
case("dot_nd", "dot", [ar((2, 3, 4)), ar((4, 2))])
case("dot_nd_rhs", "dot", [ar((2, 3)), ar((3, 2, 2))])
case("dot_nd_ta", "dot", [ar((2, 3, 4)), ar((2, 3))], {"transpose_a": True})
case("dot_nd_tb", "dot", [ar((2, 3, 4)), ar((5, 3, 4))], {"transpose_b": True})
case("dot_nd_ta_tb", "dot", [ar((2, 3, 4)), ar((5, 3, 2))], {"transpose_a": True,
                                                              "transpose_b": True})
case("dot_vv", "dot", [ar((3,)), ar((3,), start=2)])
case("dot_vm", "dot", [ar((3,)), ar((3, 2))])
case("dot_mv", "dot", [ar((2, 3)), ar((3,))])
case("dot_v_ta", "dot", [ar((3,)), ar((3, 4))], {"transpose_a": True})
case("dot_v_tb", "dot", [ar((3,)), ar((4, 3))], {"transpose_b": True})
case("dot_mv_ta", "dot", [ar((4, 3)), ar((4,))], {"transpose_a": True})
case("dot_v_nd_tb", "dot", [ar((4,)), ar((2, 3, 4))], {"transpose_b": True})
case("dot_f64", "dot", [ar((2, 3), "float64"), ar((3, 2), "float64", start=0.5)])
case("dot_stype", "dot", [ar((2, 3)), ar((3, 2))], {"forward_stype": "default"})
case("dot_pos", "dot", [ar((3, 2)), ar((3, 4))], pos=[True, False])
case("dot_err_shape", "dot", [ar((2, 3)), ar((2, 3))])
case("dot_err_nd_shape", "dot", [ar((2, 3, 4)), ar((3, 4, 5))], {"transpose_b": True})
case("dot_err_vec_t", "dot", [ar((3,)), ar((3,))], {"transpose_a": True})
case("dot_err_vv", "dot", [ar((2,)), ar((5,))])
case("dot_err_int", "dot", [ar((2, 3), "int32"), ar((3, 2), "int32")])
case("dot_err_mixed", "dot", [ar((2, 3)), ar((3, 2), "float64")])
case("dot_err_attr", "dot", [ar((2, 3)), ar((3, 2))], {"foo": 1})
case("dot_err_stype", "dot", [ar((2, 3)), ar((3, 2))], {"forward_stype": "dense"})

case("batch_dot", "batch_dot", [ar((2, 3, 4)), ar((2, 4, 2))])
case("batch_dot_ta", "batch_dot", [ar((2, 4, 3)), ar((2, 4, 2))], {"transpose_a": True})
case("batch_dot_tb", "batch_dot", [ar((2, 3, 4)), ar((2, 2, 4))], {"transpose_b": True})
case("batch_dot_ta_tb", "batch_dot", [ar((2, 4, 3)), ar((2, 2, 4))],
     {"transpose_a": True, "transpose_b": True})
case("batch_dot_4d", "batch_dot", [ar((2, 2, 3, 4)), ar((2, 2, 4, 2), start=-5)])
case("batch_dot_f64", "batch_dot", [ar((2, 3, 4), "float64"), ar((2, 4, 2), "float64")])
case("batch_dot_err_2d", "batch_dot", [ar((3, 4)), ar((4, 2))])
case("batch_dot_err_ndim", "batch_dot", [ar((2, 3, 4)), ar((2, 2, 2, 4))])
case("batch_dot_err_batch", "batch_dot", [ar((2, 3, 4)), ar((3, 4, 2))])
case("batch_dot_err_k", "batch_dot", [ar((2, 3, 4)), ar((2, 2, 4))])
case("batch_dot_err_int", "batch_dot", [ar((2, 3, 4), "int32"), ar((2, 4, 2), "int32")])

case("khatri_rao_2", "khatri_rao", [arr([[1, -1], [2, -3]]), arr([[1, 4], [2, 5], [3, 6]])])
case("khatri_rao_3", "khatri_rao", [arr([[1, -1], [2, -3]]), arr([[1, 4], [2, 5], [3, 6]]),
                                    arr([[1, 2]])])
case("khatri_rao_1", "khatri_rao", [arr([[1, -1], [2, -3]])])
case("khatri_rao_f64", "khatri_rao", [ar((2, 3), "float64"), ar((4, 3), "float64")])
case("khatri_rao_err_cols", "khatri_rao", [ar((2, 2)), ar((3, 3))])
case("khatri_rao_err_int", "khatri_rao", [ar((2, 2), "int32"), ar((3, 2), "int32")])
case("khatri_rao_err_1d", "khatri_rao", [ar((2,)), ar((2,))])
case("khatri_rao_err_3d", "khatri_rao", [ar((2, 2, 2)), ar((2, 2, 2))])

# ----------------------------------------------------------------------------- Pad
X4 = ar((1, 2, 3, 3))
X5 = ar((1, 1, 2, 3, 4))
for mode in ("constant", "edge", "reflect"):
    case(f"pad4_{mode}", "pad", [X4], {"mode": mode, "pad_width": (0, 0, 0, 0, 1, 2, 2, 1),
                                       "constant_value": -1.5})
    case(f"pad5_{mode}", "Pad", [X5], {"mode": mode,
                                       "pad_width": (0, 0, 0, 0, 1, 0, 0, 1, 1, 1)})
    case(f"pad4_{mode}_neg", "pad", [X4], {"mode": mode,
                                           "pad_width": (0, 0, 0, 0, -1, 2, 2, 1)})
case("pad4_reflect_2", "pad", [X4], {"mode": "reflect", "pad_width": (0, 0, 0, 0, 2, 2, 2, 2)})
case("pad4_zero", "pad", [X4], {"mode": "constant", "pad_width": (0, 0, 0, 0, 0, 0, 0, 0)})
case("pad4_crop_all", "pad", [X4], {"mode": "constant", "pad_width": (0, 0, 0, 0, -3, 1, 0, 0)})
case("pad4_f64", "pad", [ar((1, 2, 3, 3), "float64")],
     {"mode": "constant", "pad_width": (0, 0, 0, 0, 1, 0, 0, 1), "constant_value": 2.7})
case("pad4_f16", "pad", [ar((1, 2, 3, 3), "float16")],
     {"mode": "constant", "pad_width": (0, 0, 0, 0, 1, 0, 0, 1), "constant_value": 2.7},
     rtol=1e-3)
case("pad4_f16_reflect", "pad", [ar((1, 2, 3, 3), "float16")],
     {"mode": "reflect", "pad_width": (0, 0, 0, 0, 1, 0, 0, 1)})
case("pad_pos", "pad", [X4], pos=["constant", (0, 0, 0, 0, 1, 1, 1, 1), 3])
case("pad_str", "Pad", [X4], {"mode": "edge", "pad_width": "(0,0,0,0,1,1,1,1)",
                              "constant_value": "3"})
case("pad_err_3d", "pad", [ar((3, 3, 3))], {"mode": "constant", "pad_width": (0, 0, 1, 1, 1, 1)})
case("pad_err_2d", "pad", [ar((3, 3))], {"mode": "constant", "pad_width": (1, 1, 1, 1)})
case("pad_err_first", "pad", [X4], {"mode": "constant", "pad_width": (0, 0, 1, 0, 1, 2, 2, 1)})
case("pad_err_first_short", "pad", [X4], {"mode": "constant", "pad_width": (0, 0, 1, 0, 1, 2)})
case("pad_err_len", "pad", [X4], {"mode": "constant", "pad_width": (0, 0, 0, 0, 1, 2)})
case("pad_err_reflect", "pad", [X4], {"mode": "reflect", "pad_width": (0, 0, 0, 0, 3, 3, 0, 0)})
case("pad_err_reflect2", "pad", [X4], {"mode": "reflect", "pad_width": (0, 0, 0, 0, 0, 0, 0, 3)})
case("pad_err_int32", "pad", [ar((1, 2, 3, 3), "int32")],
     {"mode": "constant", "pad_width": (0, 0, 0, 0, 1, 0, 0, 1)})
case("pad_err_int64", "pad", [ar((1, 2, 3, 3), "int64")],
     {"mode": "edge", "pad_width": (0, 0, 0, 0, 1, 0, 0, 1)})
case("pad_err_uint8", "pad", [ar((1, 2, 3, 3), "uint8")],
     {"mode": "edge", "pad_width": (0, 0, 0, 0, 1, 0, 0, 1)})
case("pad_err_int8", "pad", [ar((1, 2, 3, 3), "int8")],
     {"mode": "reflect", "pad_width": (0, 0, 0, 0, 1, 0, 0, 1)})
case("pad_err_mode", "pad", [X4], {"mode": "bad", "pad_width": (0, 0, 0, 0, 1, 1, 1, 1)})
case("pad_err_nomode", "pad", [X4], {"pad_width": (0, 0, 0, 0, 1, 1, 1, 1)})
case("pad_err_nowidth", "pad", [X4], {"mode": "constant"})

# ----------------------------------------------------------------------------- take
X34 = ar((3, 4))
IDX = arr([[0, 2], [-1, 5]])
for mode in ("clip", "wrap"):
    case(f"take_{mode}_a0", "take", [X34, IDX], {"mode": mode})
    case(f"take_{mode}_a1", "take", [X34, IDX], {"axis": 1, "mode": mode})
    case(f"take_{mode}_am1", "take", [X34, IDX], {"axis": -1, "mode": mode})
    case(f"take_{mode}_float", "take", [X34, arr([0.6, 1.4, 1.5, 2.5, -0.5, -0.6, 2.7, -1.5,
                                                  -1.2, -4, -3])], {"mode": mode})
case("take_raise_ok", "take", [X34, arr([1.5, 0.0, 2.0, 2])], {"mode": "raise"})
case("take_raise_neg", "take", [X34, arr([0, -1])], {"mode": "raise"})
case("take_raise_frac", "take", [X34, arr([0, -0.5])], {"mode": "raise"})
case("take_raise_big", "take", [X34, arr([2.9])], {"mode": "raise"})
case("take_int_idx", "take", [X34, arr([1, 2], "int32")])
case("take_int64_idx", "take", [X34, arr([2, 1, 7], "int64")], {"mode": "wrap"})
case("take_int_data", "take", [ar((3, 4), "int32"), arr([1, 2])])
case("take_f64_data", "take", [ar((3, 4), "float64"), arr([1, 2])])
case("take_uint8_idx", "take", [ar((2, 3, 4), "int64"), arr([[1, 0, 2]], "uint8")],
     {"axis": -2, "mode": "wrap"})
case("take_3d_a1", "take", [ar((2, 3, 4)), arr([[1, 0, 2]])], {"axis": 1})
case("take_3d_a2", "take", [ar((2, 3, 4)), arr([[1, 0, 2]])], {"axis": 2})
case("take_1d_wrap", "take", [ar((5,)), arr([[1, 7], [-8, 2]])], {"mode": "wrap"})
case("take_bool", "take", [arr([0, 1, 1, 0], "bool"), arr([[1, 0, 2]])], {"mode": "wrap"})
case("take_f16", "take", [ar((4,), "float16"), arr([[1, 0, 2]], "float64")])
case("take_pos", "take", [X34, IDX], pos=[1, "wrap"])
case("take_str", "take", [X34, IDX], {"axis": "1", "mode": "wrap"})
case("take_err_axis", "take", [X34, arr([1])], {"axis": 2})
case("take_err_axis_neg", "take", [X34, arr([1])], {"axis": -3})
case("take_err_mode", "take", [X34, arr([1])], {"mode": "bad"})
case("take_err_attr", "take", [X34, arr([1])], {"foo": "bar"})

# ----------------------------------------------------------------------------- pick
case("pick_default", "pick", [X34, arr([0, 1, 3])])
case("pick_a0", "pick", [X34, arr([0, 1, 2, -1])], {"axis": 0})
case("pick_a0_wrap", "pick", [X34, arr([0, 1, 2, -1])], {"axis": 0, "mode": "wrap"})
case("pick_a0_keep", "pick", [X34, arr([0, 1, 2, -1])], {"axis": 0, "keepdims": True})
case("pick_keep_idx", "pick", [X34, arr([[0], [1], [5]])], {"axis": 1, "keepdims": True})
case("pick_keepshape_idx", "pick", [X34, arr([[0], [1], [5]])], {"axis": 1})
case("pick_float", "pick", [X34, arr([0.6, 1.5, -0.7])], {"axis": 1})
case("pick_float_wrap", "pick", [X34, arr([0.6, 1.5, -0.7, -1.2])], {"axis": 0, "mode": "wrap"})
case("pick_int_idx", "pick", [X34, arr([0, 1, 3], "int32")])
case("pick_int_data", "pick", [ar((3, 4), "int32"), arr([0, 1, 3])])
case("pick_f64_i64", "pick", [ar((3, 4), "float64"), arr([0, 1, 3], "int64")])
case("pick_3d", "pick", [ar((2, 3, 4)), ar((2, 4))], {"axis": 1})
case("pick_3d_keep", "pick", [ar((2, 3, 4)), ar((2, 4))], {"axis": 1, "keepdims": True})
case("pick_3d_keptidx", "pick", [ar((2, 3, 4)), ar((2, 1, 4))], {"axis": 1})
case("pick_1d", "pick", [ar((4,)), arr([2])], {"axis": 0})
case("pick_1d_keep", "pick", [ar((4,)), arr([2])], {"axis": 0, "keepdims": True})
case("pick_pos", "pick", [X34, arr([0, 1, 2, -1])], pos=[0, True, "wrap"])
case("pick_str", "pick", [X34, arr([0, 1, 2, -1])], {"axis": "0", "keepdims": "True"})
case("choose_element_0index", "choose_element_0index", [X34, arr([0, 1, 3])])
case("pick_err_none", "pick", [X34, arr([0, 1, 3])], {"axis": None})
case("pick_err_axis", "pick", [X34, arr([0, 1, 3])], {"axis": 2})
case("pick_err_axis_neg", "pick", [X34, arr([0, 1, 3])], {"axis": -3})
case("pick_err_shape", "pick", [X34, arr([0, 1])])
case("pick_err_shape_keep", "pick", [X34, arr([[0, 1, 5]])], {"axis": 1, "keepdims": True})
case("pick_err_shape_3d", "pick", [ar((2, 3, 4)), ar((2, 3))], {"axis": 1})
case("pick_err_mode", "pick", [X34, arr([0, 1, 3])], {"mode": "raise"})

case("fill_element_0index", "fill_element_0index",
     [X34, arr([-1, -2, -3]), arr([0, 1, 3])])
case("fill_element_0index_oob", "fill_element_0index",
     [X34, arr([-1, -2, -3]), arr([0, 7, -1])])
case("fill_element_0index_float", "fill_element_0index",
     [X34, arr([-1, -2, -3]), arr([0.5, 1.7, -0.5])])
case("fill_element_0index_err_shape", "fill_element_0index",
     [X34, arr([-1, -2]), arr([0, 1])])
case("fill_element_0index_err_ndim", "fill_element_0index",
     [ar((2, 3, 4)), arr([-1, -2]), arr([0, 1])])
case("fill_element_0index_err_dtype", "fill_element_0index",
     [X34, arr([-1, -2, -3]), arr([0, 1, 3], "int32")])

# ----------------------------------------------------------------------------- one_hot
case("one_hot", "one_hot", [IDX], {"depth": 4})
case("one_hot_pos", "one_hot", [IDX], pos=[4, 3, -2])
case("one_hot_int32", "one_hot", [IDX], {"depth": 4, "on_value": 2.5, "off_value": 0.5,
                                         "dtype": "int32"})
case("one_hot_uint8", "one_hot", [IDX], {"depth": 4, "on_value": 2.5, "off_value": -1.5,
                                         "dtype": "uint8"})
case("one_hot_f16", "one_hot", [IDX], {"depth": 4, "on_value": 2.5, "off_value": 0.5,
                                       "dtype": "float16"})
for dt in ("float64", "int64", "int8"):
    case(f"one_hot_{dt}", "one_hot", [IDX], {"depth": 4, "dtype": dt})
case("one_hot_float_idx", "one_hot", [arr([0.5, 1.7, -0.2, 3.99, 4.0])], {"depth": 4})
case("one_hot_int_idx", "one_hot", [arr([0, 1, 3], "int64")], {"depth": 4, "dtype": "int32"})
case("one_hot_depth0", "one_hot", [arr([0, 1, 3])], {"depth": 0})
case("one_hot_str", "one_hot", [arr([0, 1, 3])], {"depth": "3", "on_value": "2",
                                                  "dtype": "float64"})
case("one_hot_inf", "one_hot", [arr([0, 1, 3])], {"depth": 3, "on_value": "inf"})
case("one_hot_err_depth", "one_hot", [arr([0, 1, 3])], {"depth": -1})
case("one_hot_err_nodepth", "one_hot", [arr([0, 1, 3])])
case("one_hot_err_dtype", "one_hot", [arr([0, 1, 3])], {"depth": 3, "dtype": "bool"})

# ----------------------------------------------------------------------------- where
C22 = arr([[1, 0], [0, 2]])
A22 = ar((2, 2))
B22 = ar((2, 2), start=0, step=-1)
case("where", "where", [C22, A22, B22])
case("where_rows", "where", [arr([1, 0]), A22, B22])
case("where_rows_3d", "where", [arr([1, 0]), ar((2, 3, 2)), ar((2, 3, 2), start=100)])
case("where_frac", "where", [arr([0.5, -0.0]), A22, B22])
case("where_nan", "where", [arr([1, np.nan, 0]), ar((3,)), ar((3,), start=10)])
case("where_int_cond", "where", [arr([[1, 0], [0, 2]], "int32"), A22, B22])
case("where_int_xy", "where", [C22, ar((2, 2), "int32"), ar((2, 2), "int32", step=-1)])
case("where_f64_xy", "where", [C22, ar((2, 2), "float64"), ar((2, 2), "float64", step=-1)])
case("where_err_rows", "where", [arr([1, 0, 1]), A22, B22])
case("where_err_xy", "where", [C22, A22, ar((3, 2))])
case("where_err_cond", "where", [arr([[1, 0]]), A22, B22])
case("where_err_dtype", "where", [C22, ar((2, 2), "int32"), B22])

# ----------------------------------------------------------------------------- gather_nd
D234 = ar((2, 3, 4))
case("gather_nd", "gather_nd", [D234, arr([[0, 1], [2, 0]])])
case("gather_nd_full", "gather_nd", [D234, arr([[0, 1], [2, 0], [1, 3]])])
case("gather_nd_one", "gather_nd", [D234, arr([[1], [2]])])
case("gather_nd_3didx", "gather_nd", [D234, arr([[[1, 0], [0, 0]], [[0, 0], [1, 1]]])])
case("gather_nd_neg", "gather_nd", [ar((5,)), arr([[1, 3, -1, -5]])])
case("gather_nd_float", "gather_nd", [D234, arr([[0.7, -0.7, -1.5], [0.9, 1, 0.9]])])
case("gather_nd_int_idx", "gather_nd", [ar((2, 3, 4), "int64"), arr([[0, 1], [2, 0]], "int32")])
case("gather_nd_f16_u8", "gather_nd", [ar((3, 2), "float16"), arr([[0, 1, 0]], "uint8")])
case("gather_nd_err_1d", "gather_nd", [D234, arr([1, 2])])
case("gather_nd_err_many", "gather_nd", [D234, arr([[0, 1], [2, 0], [1, 1], [0, 0]])])
case("gather_nd_err_oob", "gather_nd", [D234, arr([[-1, 0], [2, 5]])])
case("gather_nd_err_oob0", "gather_nd", [D234, arr([[[1, 0], [2, 0]], [[0, 0], [1, 1]]])])
case("gather_nd_err_oob_neg", "gather_nd", [ar((5,)), arr([[1, 3, -6]])])
case("gather_nd_err_oob_float", "gather_nd", [D234, arr([[0.7, 1.5], [0.9, 0]])])

case("scatter_nd", "scatter_nd", [arr([1, 2]), arr([[0, 1], [2, 0]])], {"shape": (2, 3)})
case("scatter_nd_dup", "scatter_nd", [arr([1, 2, 3, 4, 5]), arr([[0, 1, 0, 1, 0],
                                                                 [1, 0, 1, 0, 1]])],
     {"shape": (2, 3)})
case("scatter_nd_float", "scatter_nd", [arr([1, 2, 3]), arr([[0.5, 0, 1.7], [1.2, 1, 1.6]])],
     {"shape": (2, 3)})
case("scatter_nd_rows", "scatter_nd", [arr([[1, 2], [3, 4]]), arr([[0, 1]])], {"shape": (3, 2)})
case("scatter_nd_rows_dup", "scatter_nd", [arr([[1, 2], [3, 4], [5, 6]]),
                                           arr([[0, 1, 0], [1, 1, 1]])], {"shape": (2, 2, 2)})
case("scatter_nd_flat_overflow", "scatter_nd", [arr([1, 2]), arr([[0, 1], [5, 0]])],
     {"shape": (2, 3)})
case("scatter_nd_int", "scatter_nd", [arr([1, 2], "int32"), arr([[0, 1], [1, 0]])],
     {"shape": (2, 3)})
case("scatter_nd_f64_i64", "scatter_nd", [arr([[1, 2], [3, 4], [5, 6]], "float64"),
                                          arr([[0, 1, 0]], "int64")], {"shape": "(2, 2)"})
case("scatter_nd_err_1d", "scatter_nd", [arr([[1, 2], [3, 4]]), arr([0, 1])],
     {"shape": (3, 2)})
case("scatter_nd_err_combo", "scatter_nd", [arr([1, 2, 3]), arr([[0, 1], [1, 0]])],
     {"shape": (2, 3)})
case("scatter_nd_err_combo2", "scatter_nd", [arr([1, 2]), arr([[0, 1], [2, 0]])],
     {"shape": (2, 3, 2)})
case("scatter_nd_err_zero", "scatter_nd", [arr([1, 2, 3]), arr([[0, 0, 1], [1, 1, 1]])],
     {"shape": (2, 3, 0)})
case("scatter_nd_err_noshape", "scatter_nd", [arr([1, 2, 3]), arr([[0, 1], [1, 0]])])

case("batch_take", "batch_take", [X34, arr([0, 3, 1], "int32")])
case("batch_take_clip", "batch_take", [X34, arr([-1, 5, 1], "int32")])
# (MXNet reads out of bounds for data of more than 2 dimensions; not recorded)
case("batch_take_int", "batch_take", [ar((2, 3), "int64"), arr([[2], [0]], "int32")])
case("batch_take_err_float", "batch_take", [X34, arr([0, 3, 1])])
case("batch_take_err_int64", "batch_take", [X34, arr([0, 3, 1], "int64")])
case("batch_take_err_size", "batch_take", [X34, arr([0, 1], "int32")])
case("batch_take_err_1d", "batch_take", [ar((4,)), arr([1], "int32")])

# ----------------------------------------------------------------------------- ravel
R = arr([[3, 6, 6], [4, 5, 1]])
case("ravel", "ravel_multi_index", [R], {"shape": (7, 6)})
case("ravel_int32", "ravel_multi_index", [arr(R, "int32")], {"shape": (7, 6)})
case("ravel_int64", "ravel_multi_index", [arr(R, "int64")], {"shape": "(7, 6)"})
case("ravel_oob", "ravel_multi_index", [arr([[3, 9, -1], [4, 7, 1]])], {"shape": (7, 6)})
case("ravel_float", "ravel_multi_index", [arr([[3.5, 1.7], [4.2, 0.9]])], {"shape": (7, 6)})
case("ravel_3", "_ravel_multi_index", [arr([[3, 6], [4, 5], [1, 1]])], {"shape": (7, 6, 2)})
case("ravel_err_3d", "ravel_multi_index", [ar((2, 2, 2))], {"shape": (7, 6)})
case("ravel_err_1d", "ravel_multi_index", [arr([3, 6])], {"shape": (7, 6)})
case("ravel_err_rows", "ravel_multi_index", [arr([[3, 6]])], {"shape": (7, 6)})
case("ravel_err_noshape", "ravel_multi_index", [R])
case("unravel", "unravel_index", [arr([22, 41, 37])], {"shape": (7, 6)})
case("unravel_int32", "unravel_index", [arr([22, 41, 37], "int32")], {"shape": (7, 6)})
case("unravel_int64", "_unravel_index", [arr([22, 41, 37], "int64")], {"shape": (7, 6)})
case("unravel_odd", "unravel_index", [arr([22, 50, -1, 2.7, -13])], {"shape": (7, 6)})
# (MXNet returns garbage of the wrong shape for indices of more than one dimension)
case("unravel_3", "unravel_index", [arr([22, 41, 37])], {"shape": (7, 6, 1)})
case("unravel_1", "unravel_index", [arr([22, 41, 37])], {"shape": (42,)})
case("unravel_err_noshape", "unravel_index", [arr([22, 41, 37])])

# ----------------------------------------------------------------------------- sorting
S = arr([[3, 1, 2, 1, 3, 0], [5, 5, 2, 2, 7, 2]])
case("sort", "sort", [S])
case("sort_desc", "sort", [S], {"is_ascend": False})
case("sort_a0_desc", "sort", [S], {"axis": 0, "is_ascend": 0})
case("sort_none", "sort", [S], {"axis": None})
case("sort_int_none", "sort", [arr(S, "int32")], {"axis": None, "is_ascend": "False"})
case("sort_uint8", "sort", [arr([44, 2, 5], "uint8")])
case("sort_f64_3d", "sort", [arr(np.cos(np.arange(24)).reshape(2, 3, 4), "float64")],
     {"axis": 1})
case("sort_pos", "sort", [S], pos=[0, False])
case("sort_negzero", "argsort", [arr([-0.0, 0.0, -0.0, 0.0])])
case("argsort", "argsort", [S])
case("argsort_desc", "argsort", [S], {"is_ascend": False})
case("argsort_a0", "argsort", [S], {"axis": 0})
case("argsort_a0_desc", "argsort", [S], {"axis": 0, "is_ascend": False})
case("argsort_none", "argsort", [S], {"axis": None})
case("argsort_none_desc", "argsort", [S], {"axis": None, "is_ascend": False})
for dt in ("int32", "int64", "float16", "float64", "uint8"):
    case(f"argsort_{dt}", "argsort", [S], {"dtype": dt})
case("argsort_int_data", "argsort", [arr(S, "int32")])
case("argsort_f64_data", "argsort", [arr(S, "float64")], {"is_ascend": False})
case("argsort_16", "argsort", [arr(np.arange(16) % 3)], {"is_ascend": False})
case("topk_default", "topk", [S])
case("topk_k3", "topk", [S], {"k": 3})
case("topk_value", "topk", [S], {"k": 3, "ret_typ": "value"})
case("topk_both", "topk", [S], {"k": 3, "ret_typ": "both"})
case("topk_mask", "topk", [S], {"k": 3, "ret_typ": "mask"})
case("topk_both_asc", "topk", [S], {"k": 3, "ret_typ": "both", "is_ascend": True})
case("topk_mask_asc", "topk", [S], {"k": 3, "ret_typ": "mask", "is_ascend": True})
case("topk_a0_both", "topk", [S], {"k": 1, "axis": 0, "ret_typ": "both"})
case("topk_a0_mask", "topk", [S], {"k": 2, "axis": 0, "ret_typ": "mask"})
case("topk_none_both", "topk", [S], {"k": 4, "axis": None, "ret_typ": "both"})
case("topk_none_mask", "topk", [S], {"k": 4, "axis": None, "ret_typ": "mask"})
case("topk_none_idx", "topk", [S], {"k": 4, "axis": None})
case("topk_k0", "topk", [S], {"k": 0, "ret_typ": "both"})
case("topk_kneg", "topk", [S], {"k": -1, "ret_typ": "both"})
case("topk_kfull", "topk", [S], {"k": 6, "ret_typ": "both"})
case("topk_int32_idx", "topk", [S], {"k": 2, "dtype": "int32", "ret_typ": "both"})
case("topk_mask_dtype", "topk", [S], {"k": 2, "dtype": "int64", "ret_typ": "mask"})
case("topk_f64_idx", "topk", [S], {"k": 2, "dtype": "float64"})
case("topk_u8_idx", "topk", [S], {"k": 2, "dtype": "uint8"})
case("topk_f16_idx", "topk", [S], {"k": 2, "dtype": "float16"})
case("topk_int_data", "topk", [arr(S, "int32")], {"k": 2, "ret_typ": "both"})
case("topk_int_mask", "topk", [arr(S, "int32")], {"k": 2, "ret_typ": "mask"})
case("topk_f64_data", "topk", [arr(S, "float64")], {"k": 2, "ret_typ": "both"})
case("topk_u8_data", "topk", [arr(S, "uint8")], {"k": 2, "ret_typ": "both"})
case("topk_3d", "topk", [ar((2, 3, 4))], {"k": 2, "axis": 1, "ret_typ": "both"})
case("topk_3d_mask", "topk", [ar((2, 3, 4))], {"k": 2, "axis": 1, "ret_typ": "mask"})
case("topk_3d_a0", "topk", [ar((2, 3, 4))], {"k": 2, "axis": 0, "ret_typ": "value"})
case("topk_1d", "topk", [ar((5,))], {"ret_typ": "both"})
case("topk_pos", "topk", [S], pos=[1, 2, "value"])
case("topk_str", "topk", [S], {"axis": "0", "k": "1", "ret_typ": "value",
                               "is_ascend": "True"})
case("sort_err_axis", "sort", [S], {"axis": 2})
case("sort_err_axis_neg", "sort", [S], {"axis": -3})
case("argsort_err_axis", "argsort", [S], {"axis": 5})
case("argsort_err_dtype", "argsort", [S], {"dtype": "int8"})
case("topk_err_axis", "topk", [S], {"axis": 2})
case("topk_err_k", "topk", [S], {"k": 7})
case("topk_err_ret", "topk", [S], {"ret_typ": "bad"})

HX = arr([[0, 1, 2.5, 3], [5, 5, 6, 9.9]])
case("hist_uniform", "_histogram", [HX], {"bin_cnt": 4, "range": (0, 10)})
case("hist_uniform_in", "_histogram", [HX], {"bin_cnt": 4, "range": (1, 5)})
case("hist_uniform_5", "_histogram", [HX], {"bin_cnt": 5, "range": (0, 5)})
case("hist_bins", "_histogram", [HX, arr([0, 1, 3, 5, 10])])
case("hist_bins_in", "_histogram", [HX, arr([1, 3, 5])])
case("hist_int", "_histogram", [arr(HX, "int32")], {"bin_cnt": 4, "range": (0, 10)})
case("hist_int_half", "_histogram", [ar((11,), "int32")], {"bin_cnt": 4, "range": (0.5, 9.5)})
case("hist_uint8", "_histogram", [ar((11,), "uint8")], {"bin_cnt": 3, "range": (0, 10)})
case("hist_f64", "_histogram", [arr(HX, "float64")], {"bin_cnt": 4, "range": (0, 10)})
case("hist_int_bins", "_histogram", [arr(HX, "int32"), arr([1, 3, 5], "int32")])
case("hist_str", "_histogram", [HX], {"bin_cnt": "4", "range": "(0, 10)"})
case("hist_special", "_histogram", [arr([np.nan, 1, -np.inf, np.inf, 10])],
     {"bin_cnt": 2, "range": (0, 10)})
TENTHS = arr(np.arange(1, 11) / 10.0)
for lo, hi, cnt in ((0, 1, 10), (0.1, 1, 9), (0, 0.3, 3), (0, 0.7, 7), (0.05, 0.95, 9)):
    case(f"hist_edges_{lo}_{hi}_{cnt}", "_histogram", [TENTHS], {"bin_cnt": cnt,
                                                                "range": (lo, hi)})
case("hist_edges_f64", "_histogram", [arr(TENTHS, "float64")], {"bin_cnt": 10, "range": (0, 1)})
case("hist_err_cnt_only", "_histogram", [HX], {"bin_cnt": 4})
case("hist_err_range", "_histogram", [HX], {"bin_cnt": 4, "range": (10, 0)})
case("hist_err_dtype", "_histogram", [arr([1, 2, 3], "float64"), arr([1, 3, 5])])
case("hist_err_dtype2", "_histogram", [arr([1, 2, 3]), arr([1, 3, 5], "int64")])

# ----------------------------------------------------------------------------- linalg
SPD = arr([[4, 1, 2], [1, 5, 3], [2, 3, 6]])
SPD2 = arr([[3, 1], [1, 2]])
LOW = arr([[2, 0, 0], [1, 3, 0], [4, 5, 6]])
GEN = arr([[2, 7, 7], [1, 3, 7], [4, 5, 6]])
B32 = ar((3, 2), start=1)
LT = 1e-4  # linalg in float32: LAPACK and XLA may round differently
case("gemm", "linalg_gemm", [SPD, B32, ar((3, 2), start=-2)], {"alpha": 2, "beta": 0.5})
case("gemm_tb", "linalg_gemm", [SPD, arr(B32.T), np.ones((3, 2), "float32")],
     {"transpose_b": True})
case("gemm_ta_tb", "linalg_gemm", [ar((2, 3)), ar((4, 2)), ar((3, 4))],
     {"transpose_a": True, "transpose_b": True, "beta": -1})
case("gemm_axis0", "linalg_gemm", [ar((3, 2, 4)), ar((4, 2, 5)), np.ones((3, 2, 5), "float32")],
     {"axis": 0})
case("gemm_f64", "linalg_gemm", [ar((2, 2, 3), "float64"), ar((2, 3, 2), "float64"),
                                 ar((2, 2, 2), "float64")], {"alpha": "0.5", "beta": "2"})
case("gemm_pos", "linalg_gemm", [ar((2, 3)), ar((2, 4)), ar((3, 4))],
     pos=[True, False, 1.5, 0.0])
case("gemm_err_c", "linalg_gemm", [SPD, B32, np.ones((3, 3), "float32")])
case("gemm_err_dtype", "linalg_gemm", [ar((2, 3)), ar((3, 2)), ar((2, 2), "float64")])
case("gemm2", "linalg_gemm2", [SPD, B32], {"alpha": 2})
case("gemm2_ta", "_linalg_gemm2", [B32, SPD], {"transpose_a": True})
case("gemm2_tb", "linalg_gemm2", [B32, B32], {"transpose_b": True})
case("gemm2_batch", "linalg_gemm2", [ar((2, 3, 3)), ar((2, 3, 2))])
case("gemm2_axis0", "linalg_gemm2", [ar((3, 2, 4)), ar((4, 2, 5))], {"axis": 0})
case("gemm2_axis_m3", "linalg_gemm2", [ar((3, 2, 4)), ar((4, 2, 5))], {"axis": -3})
case("gemm2_axis1_4d", "linalg_gemm2", [ar((2, 3, 2, 4)), ar((2, 5, 2, 4))],
     {"axis": 1, "transpose_b": True, "transpose_a": False})
case("gemm2_f64", "linalg_gemm2", [ar((2, 3), "float64"), ar((3, 2), "float64")])
case("gemm2_err_k", "linalg_gemm2", [ar((2, 3)), ar((2, 3))])
case("gemm2_err_1d", "linalg_gemm2", [ar((6,)), ar((6,))])
case("gemm2_err_batch", "linalg_gemm2", [ar((2, 2, 3)), ar((3, 3, 2))])
case("gemm2_err_ndim", "linalg_gemm2", [ar((2, 3)), ar((2, 3, 2))])
case("gemm2_err_axis", "linalg_gemm2", [ar((2, 3)), ar((3, 2))], {"axis": -1})
case("gemm2_err_axis2", "linalg_gemm2", [ar((2, 3)), ar((3, 2))], {"axis": 2})
case("gemm2_err_int", "linalg_gemm2", [ar((2, 3), "int32"), ar((3, 2), "int32")])
case("gemm2_err_f16", "linalg_gemm2", [ar((2, 3), "float16"), ar((3, 2), "float16")])

case("potrf", "linalg_potrf", [SPD], rtol=LT)
case("potrf_lower_only", "linalg_potrf", [arr([[4, 100], [1, 5]])], rtol=LT)
case("potrf_batch_f64", "linalg_potrf", [np.stack([SPD, 2 * SPD]).astype("float64")])
case("potri", "linalg_potri", [arr([[2, 100], [1, 3]])], rtol=LT)
case("potri_3", "linalg_potri", [LOW], rtol=LT)
case("potri_batch_f64", "linalg_potri", [np.stack([LOW, LOW + 3 * np.eye(3)]).astype("float64")])
for name, a in (("potrf", SPD), ("potri", SPD)):
    case(f"{name}_err_ns", f"linalg_{name}", [ar((2, 3))])
    case(f"{name}_err_1d", f"linalg_{name}", [ar((3,))])
    case(f"{name}_err_int", f"linalg_{name}", [arr(a, "int32")])
    case(f"{name}_err_f16", f"linalg_{name}", [arr(a, "float16")])

for name in ("trsm", "trmm"):
    op = f"linalg_{name}"
    case(f"{name}", op, [LOW, B32], rtol=LT)
    case(f"{name}_alpha", op, [LOW, B32], {"alpha": 2}, rtol=LT)
    case(f"{name}_t", op, [LOW, B32], {"transpose": True}, rtol=LT)
    case(f"{name}_upper", op, [arr(LOW.T), B32], {"lower": False}, rtol=LT)
    case(f"{name}_upper_t", op, [arr(GEN), B32], {"lower": False, "transpose": True},
         rtol=LT)
    case(f"{name}_right", op, [LOW, arr(B32.T)], {"rightside": True}, rtol=LT)
    case(f"{name}_right_t", op, [GEN, arr(B32.T)], {"rightside": True, "transpose": True},
         rtol=LT)
    case(f"{name}_right_upper", op, [GEN, arr(B32.T)], {"rightside": True, "lower": False,
                                                        "alpha": -0.5}, rtol=LT)
    case(f"{name}_general", op, [GEN, B32], rtol=LT)
    case(f"{name}_batch_f64", op, [np.stack([LOW, GEN]).astype("float64"),
                                   ar((2, 3, 2), "float64", start=1)])
    case(f"{name}_pos", op, [GEN, B32], pos=[True, False, False, 3.0], rtol=LT)
    case(f"{name}_err_ns", op, [ar((2, 3)), ar((2, 3))])
    case(f"{name}_err_k", op, [LOW, ar((2, 3))])
    case(f"{name}_err_right", op, [LOW, ar((3, 2))], {"rightside": True})
    case(f"{name}_err_batch", op, [ar((2, 3, 3)), ar((3, 3, 2))])
    case(f"{name}_err_ndim", op, [ar((2, 3, 3)), ar((3, 2))])
    case(f"{name}_err_int", op, [arr(LOW, "int32"), arr(B32, "int32")])

case("sumlogdiag", "linalg_sumlogdiag", [SPD])
case("sumlogdiag_neg", "linalg_sumlogdiag", [arr([[-1, 2], [3, 4]])])
case("sumlogdiag_batch", "linalg_sumlogdiag", [np.stack([SPD, 2 * SPD])])
case("sumlogdiag_f64", "linalg_sumlogdiag", [arr(SPD, "float64")])
case("sumlogdiag_err_ns", "linalg_sumlogdiag", [ar((2, 3))])
case("sumlogdiag_err_1d", "linalg_sumlogdiag", [ar((3,))])
case("sumlogdiag_err_int", "linalg_sumlogdiag", [arr(SPD, "int32")])
case("syrk", "linalg_syrk", [B32])
case("syrk_t", "linalg_syrk", [B32], {"transpose": True, "alpha": 0.5})
case("syrk_batch_f64", "linalg_syrk", [ar((2, 2, 3), "float64")], {"alpha": -1})
case("syrk_err_1d", "linalg_syrk", [ar((3,))])
case("syrk_err_int", "linalg_syrk", [ar((3, 3), "int32")])

case("gelqf", "linalg_gelqf", [arr([[1, 2, 3], [4, 5, 6]])], rtol=LT, atol=1e-5)
case("gelqf_square", "linalg_gelqf", [GEN], rtol=LT, atol=1e-5)
case("gelqf_batch_f64", "linalg_gelqf", [arr([[[1, 2, 3], [4, 5, 6]], [[7, 8, 9], [10, 11, 12]]],
                                             "float64")])
case("gelqf_err_tall", "linalg_gelqf", [ar((3, 2))])
case("gelqf_err_1d", "linalg_gelqf", [ar((3,))])
case("gelqf_err_int", "linalg_gelqf", [ar((2, 3), "int32")])
case("syevd", "_linalg_syevd", [SPD], rtol=LT, atol=1e-5)
case("syevd_lower", "_linalg_syevd", [arr([[1, 2], [100, 1]])], rtol=LT, atol=1e-5)
case("syevd_batch_f64", "_linalg_syevd", [arr([[[1, 2], [2, 4]], [[1, 2], [2, 5]]],
                                              "float64")], atol=1e-9)
case("syevd_err_ns", "_linalg_syevd", [ar((2, 3))])
case("syevd_err_1d", "_linalg_syevd", [ar((3,))])
case("syevd_err_int", "_linalg_syevd", [arr(SPD, "int32")])

case("inverse", "linalg_inverse", [SPD], rtol=LT)
case("inverse_batch_f64", "linalg_inverse", [np.stack([SPD, GEN]).astype("float64")])
case("det", "linalg_det", [SPD], rtol=LT)
case("det_batch", "linalg_det", [np.stack([SPD, GEN])], rtol=LT)
case("det_f64", "linalg_det", [arr(GEN, "float64")])
case("slogdet", "linalg_slogdet", [arr([[1, 2], [3, 4]])], rtol=LT)
case("slogdet_batch_f64", "linalg_slogdet", [np.stack([SPD, GEN]).astype("float64")])
for name in ("inverse", "det", "slogdet"):
    case(f"{name}_err_ns", f"linalg_{name}", [ar((2, 3))])
    case(f"{name}_err_1d", f"linalg_{name}", [ar((3,))])
    case(f"{name}_err_int", f"linalg_{name}", [arr(SPD, "int32")])

M44 = ar((4, 4))
case("extractdiag", "linalg_extractdiag", [M44])
for off in (1, -2, 3, -3):
    case(f"extractdiag_{off}", "linalg_extractdiag", [M44], {"offset": off})
case("extractdiag_batch_f64", "linalg_extractdiag", [ar((2, 3, 3), "float64")], {"offset": -1})
case("extractdiag_err_off", "linalg_extractdiag", [M44], {"offset": 4})
case("extractdiag_err_off_b", "linalg_extractdiag", [ar((2, 3, 3))], {"offset": -5})
case("extractdiag_err_ns", "linalg_extractdiag", [ar((2, 3))])
case("extractdiag_err_1d", "linalg_extractdiag", [ar((3,))])
case("extractdiag_err_int", "linalg_extractdiag", [ar((3, 3), "int32")])
case("makediag", "linalg_makediag", [arr([1, 2, 3])])
case("makediag_neg", "linalg_makediag", [arr([1, 2])], {"offset": -1})
case("makediag_batch", "linalg_makediag", [arr([[1, 2], [3, 4]], "float64")], {"offset": 2})
case("makediag_one", "linalg_makediag", [arr([7])])
case("makediag_err_int", "linalg_makediag", [arr([1, 2], "int32")])
for off in (0, 1, 2, -1, -2):
    for low in (True, False):
        case(f"extracttrian_{off}_{low}", "linalg_extracttrian", [M44],
             {"offset": off, "lower": low})
case("extracttrian_batch", "linalg_extracttrian", [ar((2, 3, 3), "float64")])
case("extracttrian_err_off", "linalg_extracttrian", [M44], {"offset": -4})
case("extracttrian_err_ns", "linalg_extracttrian", [ar((2, 3))])
case("extracttrian_err_int", "linalg_extracttrian", [ar((3, 3), "int32")])
V6 = ar((6,), start=1)
for off in (0, 1, -1):
    for low in (True, False):
        case(f"maketrian_{off}_{low}", "linalg_maketrian", [V6],
             {"offset": off, "lower": low})
case("maketrian_m2", "linalg_maketrian", [ar((3,), start=1)], {"offset": -2})
case("maketrian_batch", "linalg_maketrian", [ar((2, 3), "float64", start=1)], {"lower": False})
case("maketrian_one", "linalg_maketrian", [arr([5])])
case("maketrian_err_len", "linalg_maketrian", [ar((4,))])
case("maketrian_err_len2", "linalg_maketrian", [ar((3, 2))])
case("maketrian_err_int", "linalg_maketrian", [ar((3,), "int32")])


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else OUT
    ids = [c["id"] for c in CASES]
    dup = {i for i in ids if ids.count(i) > 1}
    if dup:
        raise SystemExit(f"duplicate case ids: {sorted(dup)}")
    records = [run(c) for c in CASES]
    with open(out, "w") as fh:
        json.dump({"mxnet": mx.__version__, "cases": records}, fh, indent=None,
                  separators=(",", ":"))
        fh.write("\n")
    n_err = sum("error" in r for r in records)
    print(f"wrote {len(records)} cases ({n_err} errors) to {out}")
    for r in records:
        if "error" in r:
            print(f"  {r['id']}: {r['error']['type']}: {r['error']['message'][:150]}")


if __name__ == "__main__":
    main()
