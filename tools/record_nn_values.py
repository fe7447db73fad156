"""Record expected values of the neural-network operators from real MXNet 1.9.1.

    ../shared/tools/mxnet-oracle tools/record_nn_values.py [output.json]

Writes ``tests/data/nn_values.json`` (read by ``tests/test_ops_nn.py``; CI needs no MXNet).
Every case names an operator, its inputs (built deterministically from formulas), its
attributes and what MXNet gave: the outputs, an error message, the updated auxiliary
states (BatchNorm in training) or the input gradients (operators with a special backward).
Cases marked ``nomkl`` run in a second process with ``MXNET_MKLDNN_ENABLED=0`` because
the MKL-DNN kernels of MXNet 1.9.1 reject them on CPU (Deconvolution with target_shape);
the reference kernels define the semantics there.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys

import numpy as np

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(REPO, "tests", "data", "nn_values.json")


# ----------------------------------------------------------------------------- inputs

def S(shape, scale=1.0, offset=0.0, freq=1.0, dtype="float32"):
    """sin-based values: sin(arange * freq) * scale + offset."""
    return {"gen": "sin", "shape": list(shape), "scale": scale, "offset": offset,
            "freq": freq, "dtype": dtype}


def A(shape, scale=1.0, offset=0.0, dtype="float32"):
    """arange-based values: arange * scale + offset."""
    return {"gen": "arange", "shape": list(shape), "scale": scale, "offset": offset,
            "dtype": dtype}


def V(values, dtype="float32"):
    arr = np.asarray(values, dtype=np.float64)
    return {"gen": "values", "shape": list(arr.shape), "values": arr.ravel().tolist(),
            "dtype": dtype}


def build(spec):
    shape = tuple(spec["shape"])
    n = int(np.prod(shape, dtype=np.int64))
    if spec["gen"] == "sin":
        v = np.sin(np.arange(n) * spec["freq"]) * spec["scale"] + spec["offset"]
    elif spec["gen"] == "arange":
        v = np.arange(n) * spec["scale"] + spec["offset"]
    else:
        v = np.asarray(spec["values"], dtype=np.float64)
    return v.reshape(shape).astype(spec["dtype"])


# ----------------------------------------------------------------------------- cases

CASES: list = []


def case(op, inputs, attrs=None, *, kind="fwd", id=None, nomkl=False, head=None,
         loose_error=False, tol=None):
    CASES.append({"id": id or f"{op}-{len(CASES)}", "op": op, "inputs": inputs,
                  "attrs": attrs or {}, "kind": kind, "nomkl": nomkl, "head": head,
                  "loose_error": loose_error, "tol": tol})


def err(op, inputs, attrs=None, **kw):
    case(op, inputs, attrs, kind="error", **kw)


# --- FullyConnected
x234 = S((2, 3, 4))
case("FullyConnected", [x234, S((5, 12), 0.5), S((5,), 1.0, 0.0, 2.0)], {"num_hidden": 5})
case("FullyConnected", [x234, S((5, 4), 0.5), S((5,), 1.0, 0.0, 2.0)],
     {"num_hidden": 5, "flatten": False})
case("FullyConnected", [x234, S((5, 12), 0.5)], {"num_hidden": 5, "no_bias": True})
case("FullyConnected", [S((6,)), S((5, 1)), S((5,))], {"num_hidden": 5})
case("FullyConnected", [S((2, 3, 4), dtype="float64"), S((5, 12), 0.5, dtype="float64"),
                        S((5,), dtype="float64")], {"num_hidden": 5})
case("FullyConnected", [x234, S((5, 4), 0.5)],
     {"num_hidden": "5", "no_bias": "True", "flatten": "False"}, id="FC-strattrs")
err("FullyConnected", [x234, S((5, 4)), S((5,))], {"num_hidden": 5})
err("FullyConnected", [x234, S((5, 12)), S((4,))], {"num_hidden": 5})
err("FullyConnected", [x234, S((5, 12))], {"num_hidden": 5})
err("FullyConnected", [x234, S((5, 12)), S((5,))], {})

# --- Convolution
case("Convolution", [S((2, 3, 9)), S((4, 3, 3), 0.5), S((4,))],
     {"kernel": (3,), "stride": (2,), "pad": (1,), "num_filter": 4})
case("Convolution", [S((2, 4, 7, 6)), S((6, 2, 3, 3), 0.5, 0.1, 0.7), S((6,), 1, 0, 3)],
     {"kernel": (3, 3), "stride": (2, 1), "dilate": (1, 2), "pad": (1, 1), "num_filter": 6,
      "num_group": 2}, id="conv2d-group")
case("Convolution", [S((2, 4, 7, 6)), S((3, 4, 2, 2), 0.5)],
     {"kernel": (2, 2), "num_filter": 3, "no_bias": True})
case("Convolution", [S((1, 2, 5, 4, 4)), S((3, 2, 3, 2, 3), 0.5), S((3,))],
     {"kernel": (3, 2, 3), "stride": (1, 2, 1), "pad": (1, 0, 1), "num_filter": 3})
case("Convolution", [S((2, 4, 7, 6), dtype="float64"), S((3, 4, 3, 3), dtype="float64"),
                     S((3,), dtype="float64")], {"kernel": (3, 3), "num_filter": 3})
case("Convolution", [S((2, 4, 7, 6)), S((4, 1, 3, 3)), S((4,))],
     {"kernel": (3, 3), "num_filter": 4, "num_group": 4, "pad": (1, 1)}, id="conv-depthwise")
case("Convolution", [S((2, 4, 7, 6)), S((6, 4, 3, 3), 0.3), S((6,))],
     {"kernel": "(3, 3)", "stride": "(2, 2)", "pad": "[1, 1]", "num_filter": "6",
      "no_bias": "False", "cudnn_tune": "fastest", "workspace": "256", "cudnn_off": "True"},
     id="conv-strattrs")
err("Convolution", [S((2, 4, 7, 6)), S((6, 3, 3, 3)), S((6,))], {"kernel": (3, 3), "num_filter": 6})
err("Convolution", [S((2, 4, 7, 6)), S((6, 4, 3, 3)), S((5,))], {"kernel": (3, 3), "num_filter": 6})
err("Convolution", [S((2, 4, 7, 6)), S((6, 4, 3, 3))], {"kernel": (3, 3), "num_filter": 6})
err("Convolution", [S((2, 4, 7, 6)), S((6, 4, 3, 3)), S((6,))],
    {"kernel": (3, 3), "num_filter": 6, "stride": (2,)})
err("Convolution", [S((2, 4, 7, 6)), S((6, 4, 3, 3)), S((6,))],
    {"kernel": (3, 3), "num_filter": 6, "pad": (1,)})
err("Convolution", [S((2, 4, 7, 6)), S((6, 4, 3, 3)), S((6,))],
    {"kernel": (3, 3), "num_filter": 6, "dilate": (4, 4)})
err("Convolution", [S((2, 4, 7, 6)), S((6, 4, 3, 3)), S((6,))],
    {"kernel": (3, 3), "num_filter": 6, "stride": (0, 0)})
err("Convolution", [S((2, 4, 7)), S((6, 4, 3, 3)), S((6,))], {"kernel": (3, 3), "num_filter": 6})
err("Convolution", [S((2, 4, 7, 6), dtype="int32"), S((6, 4, 3, 3), dtype="int32"),
                    S((6,), dtype="int32")], {"kernel": (3, 3), "num_filter": 6})
err("Convolution", [S((2, 4, 7, 6)), S((6, 4, 3, 3), dtype="float64"), S((6,))],
    {"kernel": (3, 3), "num_filter": 6})
err("Convolution", [S((2, 4, 7, 6)), S((6, 1, 3, 3)), S((6,))],
    {"kernel": (3, 3), "num_filter": 6, "num_group": 3})
err("Convolution", [S((2, 4, 7, 6)), S((6, 4, 3, 3)), S((6,))], {"kernel": (3, 3)})
err("Convolution", [S((2, 4, 7, 6)), S((6, 4, 3, 3)), S((6,))],
    {"kernel": (3, 3), "num_filter": 6, "layout": "NWC"})

# --- Deconvolution
xd = S((1, 4, 5, 5), 1.0, 0.2)
wd = S((4, 3, 3, 3), 0.5, 0.0, 0.3)
case("Deconvolution", [xd, wd], {"kernel": (3, 3), "num_filter": 3})
case("Deconvolution", [xd, wd, S((3,))],
     {"kernel": (3, 3), "num_filter": 3, "stride": (2, 2), "pad": (1, 1), "adj": (1, 1),
      "no_bias": False})
case("Deconvolution", [xd, wd], {"kernel": (3, 3), "num_filter": 3, "stride": (2, 2),
                                 "target_shape": (9, 8)}, nomkl=True)
case("Deconvolution", [xd, wd], {"kernel": (3, 3), "num_filter": 3, "stride": (2, 2),
                                 "target_shape": (6, 6)}, nomkl=True)
case("Deconvolution", [xd, wd], {"kernel": (3, 3), "num_filter": 3, "dilate": (2, 2),
                                 "pad": (1, 1)})
case("Deconvolution", [xd, S((4, 3, 3, 3), 0.5, 0.0, 0.7)],
     {"kernel": (3, 3), "num_filter": 6, "num_group": 2, "stride": (1, 2)})
case("Deconvolution", [S((2, 3, 6)), S((3, 2, 3))],
     {"kernel": (3,), "num_filter": 2, "stride": (2,), "adj": (1,)})
case("Deconvolution", [S((1, 2, 3, 3, 2)), S((2, 3, 3, 2, 2))],
     {"kernel": (3, 2, 2), "num_filter": 3, "stride": (2, 1, 2), "pad": (1, 0, 0)})
case("Deconvolution", [xd, wd], {"kernel": (3, 3), "num_filter": 3, "pad": (2, 2)})
case("Deconvolution", [xd, wd, S((3,))],
     {"kernel": "(3,3)", "stride": "(2,2)", "adj": "(1,0)", "num_filter": "3",
      "no_bias": "0"}, id="deconv-strattrs")
err("Deconvolution", [xd, wd], {"kernel": (3, 3), "num_filter": 3, "stride": (2, 2),
                                "adj": (0, 2)})
err("Deconvolution", [xd, wd], {"kernel": (3, 3), "num_filter": 3, "stride": (2, 2),
                                "target_shape": (12, 12)}, nomkl=True)
err("Deconvolution", [xd, S((4, 4, 3, 3))], {"kernel": (3, 3), "num_filter": 3})
err("Deconvolution", [xd, wd, S((3,))], {"kernel": (3, 3), "num_filter": 3})
err("Deconvolution", [xd, wd, S((4,))], {"kernel": (3, 3), "num_filter": 3, "no_bias": False})
err("Deconvolution", [xd, S((4, 1, 3, 3))], {"kernel": (3, 3), "num_filter": 3, "num_group": 3})

# --- Pooling
xp = S((1, 2, 6, 6), 1.0, 0.0, 0.7)
for conv in ("valid", "full"):
    for pt, cip in (("max", None), ("avg", None), ("avg", False), ("sum", None)):
        attrs = {"kernel": (3, 3), "stride": (2, 2), "pad": (1, 1), "pool_type": pt,
                 "pooling_convention": conv}
        if cip is not None:
            attrs["count_include_pad"] = cip
        case("Pooling", [xp], attrs)
case("Pooling", [xp], {"kernel": (3, 3), "stride": (2, 2), "pooling_convention": "full",
                       "pool_type": "avg"})
for p in (1, 2, 3):
    case("Pooling", [xp], {"kernel": (2, 2), "pool_type": "lp", "p_value": p})
case("Pooling", [xp], {"global_pool": True})
case("Pooling", [xp], {"global_pool": True, "pool_type": "avg", "kernel": (2, 2),
                       "stride": (2, 2), "pad": (1, 1)})
case("Pooling", [xp], {"global_pool": True, "pool_type": "sum"})
case("Pooling", [xp], {"global_pool": True, "pool_type": "lp", "p_value": 2})
case("Pooling", [S((1, 2, 11))], {"kernel": (3,), "stride": (2,), "pooling_convention": "full"})
case("Pooling", [A((1, 1, 5), 1.0, 1.0)], {"kernel": (2,), "stride": (2,), "pad": (1,),
                                           "pooling_convention": "full"}, id="pool-empty-max")
case("Pooling", [A((1, 1, 5), 1.0, 1.0)], {"kernel": (2,), "stride": (2,), "pad": (1,),
                                           "pooling_convention": "full", "pool_type": "avg",
                                           "count_include_pad": False}, id="pool-empty-avg")
case("Pooling", [S((1, 1, 4, 5, 6))], {"kernel": (2, 3, 2), "stride": (2, 1, 2),
                                       "pool_type": "avg", "pad": (1, 1, 0)})
case("Pooling", [S((1, 1, 4, 5, 6))], {"kernel": (2, 3, 2), "stride": (2, 1, 2)})
case("Pooling", [S((2, 5, 6, 3))], {"kernel": (3, 2), "stride": (2, 2), "layout": "NHWC"})
case("Pooling", [S((2, 5, 6, 3))], {"kernel": (3, 2), "stride": (1, 2), "pad": (1, 1),
                                    "layout": "NHWC", "pool_type": "avg"})
case("Pooling", [S((2, 7, 3))], {"kernel": (3,), "stride": (2,), "layout": "NWC"})
case("Pooling", [S((1, 3, 4, 5, 2))], {"kernel": (2, 2, 2), "layout": "NDHWC",
                                       "pool_type": "avg"})
case("Pooling", [S((2, 5, 6, 3))], {"global_pool": True, "layout": "NHWC", "pool_type": "avg"})
case("Pooling", [S((1, 2, 6, 6), dtype="float64")], {"kernel": (3, 3), "pool_type": "avg"})
case("Pooling", [S((1, 2, 6, 6), dtype="float16")], {"kernel": (3, 3), "pool_type": "max"})
case("Pooling", [xp], {"kernel": "(3,3)", "pool_type": "avg", "stride": "(2, 2)",
                       "pad": "(1,1)", "count_include_pad": "False", "global_pool": "False",
                       "pooling_convention": "full"}, id="pool-strattrs")
err("Pooling", [xp], {"kernel": (2, 2), "pool_type": "lp"})
err("Pooling", [xp], {"kernel": (2, 2), "pool_type": "lp", "p_value": 4})
err("Pooling", [xp], {"kernel": (7, 7)})
err("Pooling", [xp], {})
err("Pooling", [xp], {"kernel": (3,)})
err("Pooling", [S((2, 6))], {"kernel": (3,)})
err("Pooling", [xp], {"kernel": (3, 3), "pooling_convention": "same"})
err("Pooling", [S((1, 2, 6, 6), dtype="int32")], {"kernel": (3, 3)})
err("Pooling", [xp], {"kernel": (3, 3), "layout": "NCW"})
err("Pooling", [xp], {"kernel": (3, 3), "pool_type": "foo"})

# --- Activation / LeakyReLU
xa = S((2, 5), 3.0, 0.0, 1.3)
for act in ("relu", "sigmoid", "tanh", "softrelu", "softsign"):
    case("Activation", [xa], {"act_type": act})
case("Activation", [S((2, 5), 3.0, 0.0, 1.3, dtype="float64")], {"act_type": "softrelu"})
case("Activation", [S((2, 5), 3.0, 0.0, 1.3, dtype="float16")], {"act_type": "sigmoid"})
err("Activation", [S((2, 5), dtype="int32")], {"act_type": "relu"})
err("Activation", [xa], {"act_type": "foo"})
err("Activation", [xa], {})
xl = S((2, 3, 4), 3.0, 0.0, 1.3)
case("LeakyReLU", [xl], {})
case("LeakyReLU", [xl], {"act_type": "leaky", "slope": 0.1})
case("LeakyReLU", [xl], {"act_type": "elu", "slope": 0.7})
case("LeakyReLU", [xl], {"act_type": "selu"})
case("LeakyReLU", [xl], {"act_type": "gelu"})
case("LeakyReLU", [xl], {"act_type": "rrelu", "lower_bound": 0.2, "upper_bound": 0.5})
case("LeakyReLU", [xl, V([0.1, 0.2, 0.3])], {"act_type": "prelu"})
case("LeakyReLU", [xl, V([0.3])], {"act_type": "prelu"})
case("LeakyReLU", [S((8,), 3.0), V([0.3])], {"act_type": "prelu"})
case("LeakyReLU", [xl], {"act_type": "leaky", "slope": "0.05"}, id="leaky-strattrs")
err("LeakyReLU", [xl], {"act_type": "prelu"})
err("LeakyReLU", [xl, V([0.1, 0.2, 0.3])], {"act_type": "leaky"})
err("LeakyReLU", [S((2, 3), dtype="int32")], {"act_type": "leaky"})
err("LeakyReLU", [xl, V([0.1, 0.2, 0.3], dtype="float64")], {"act_type": "prelu"})

# --- Dropout (predict mode: identity)
case("Dropout", [xl], {})
case("Dropout", [xl], {"p": 0.3, "axes": (1,)})
case("Dropout", [xl], {"p": 0.0, "mode": "always"})
err("Dropout", [xl], {"p": 1.5, "mode": "always"})
err("Dropout", [S((2, 3), dtype="int32")], {})
err("Dropout", [xl], {"p": 0.5, "mode": "always", "axes": (5,)})

# --- Embedding
we = A((5, 3))
case("Embedding", [V([[0, 1.7, 4], [5, -1, 2.5]]), we], {"input_dim": 5, "output_dim": 3})
case("Embedding", [V([[0, 1, 4], [3, 2, 2]], dtype="int32"), we],
     {"input_dim": 5, "output_dim": 3})
case("Embedding", [V([3, 0, 1]), A((5, 3), dtype="float64")],
     {"input_dim": 5, "output_dim": 3})
case("Embedding", [V([3, 0, 1]), we], {"input_dim": "5", "output_dim": "3",
                                        "sparse_grad": "True", "dtype": "float32"})
err("Embedding", [V([3, 0, 1]), we], {"input_dim": 4, "output_dim": 3})
err("Embedding", [V([3, 0, 1]), we], {"output_dim": 3})

# --- softmax family
xs = A((2, 3, 4), 0.2)
case("softmax", [xs], {})
case("softmax", [xs], {"axis": 1, "temperature": 2.0})
case("softmax", [xs], {"dtype": "float64"})
case("softmax", [A((2, 3, 4), 0.2, dtype="float16")], {})
case("softmax", [A((2, 3, 4), 0.2, dtype="float64")], {"dtype": "float32"})
case("softmax", [xs, V([[1, 2, 3], [4, 0, 2]], dtype="int32")], {"use_length": True})
case("softmax", [xs, V([[1, 2, 3, 3], [2, 1, 0, 3]], dtype="int64")],
     {"use_length": True, "axis": 1, "temperature": 0.5})
case("log_softmax", [xs], {})
case("log_softmax", [xs], {"axis": 0, "temperature": 3.0})
case("log_softmax", [xs], {"dtype": "float64"})
case("softmin", [xs], {})
case("softmin", [xs], {"axis": -2, "temperature": 0.5})
case("softmax", [xs], {"axis": "1", "temperature": "2.0", "dtype": "float64"},
     id="softmax-strattrs")
err("softmax", [A((2, 3), dtype="int32")], {})
err("softmax", [xs], {"axis": 3})
err("softmax", [xs, V([[1, 2, 3], [4, 0, 2]])], {"use_length": True})
err("softmax", [xs, V([1, 2, 3], dtype="int32")], {"use_length": True})
err("softmax", [xs], {"use_length": True})
err("softmax", [xs, V([[1, 2, 3], [4, 0, 2]], dtype="int32")], {})
err("log_softmax", [xs], {"use_length": True})
err("log_softmax", [xs], {"axis": -4})
case("SoftmaxActivation", [xs], {})
case("SoftmaxActivation", [xs], {"mode": "channel"})
case("SoftmaxActivation", [A((7,), 0.3)], {})
case("SoftmaxActivation", [A((2, 3, 2, 2), 0.2)], {"mode": "channel"})
err("SoftmaxActivation", [A((2, 12), 0.2)], {"mode": "channel"})

# --- SoftmaxOutput (forward and MXNet's backward)
x34 = A((3, 4), 0.25)
lab3 = V([1, 3, 0])
x234b = A((2, 3, 4), 1 / 6.)
for attrs in ({}, {"grad_scale": 2.0}, {"normalization": "batch"}, {"normalization": "valid"},
              {"use_ignore": True, "ignore_label": 3},
              {"use_ignore": True, "ignore_label": 3, "normalization": "valid"},
              {"use_ignore": True, "ignore_label": 3, "normalization": "batch"},
              {"smooth_alpha": 0.3},
              {"smooth_alpha": 0.3, "use_ignore": True, "ignore_label": 3}):
    case("SoftmaxOutput", [x34, lab3], attrs, kind="grad")
case("SoftmaxOutput", [x34, lab3], {"out_grad": True}, kind="grad", head=A((3, 4)))
case("SoftmaxOutput", [x34, lab3], {}, kind="grad", head=A((3, 4)), id="softmaxout-head-ignored")
case("SoftmaxOutput", [x34, V([1.7, 3.2, -1])], {}, kind="grad")
case("SoftmaxOutput", [x34, V([3, 3, 3])],
     {"use_ignore": True, "ignore_label": 3, "normalization": "valid"}, kind="grad")
case("SoftmaxOutput", [x34, V([[0.1, 0.2, 0.3, 0.4]] * 3)], {}, kind="grad")
case("SoftmaxOutput", [x34, V([[0.1, 0.2, 0.3, 0.4]] * 3)],
     {"normalization": "batch", "grad_scale": 2.0}, kind="grad")
lab_mo = V([[0, 1, 2, 0], [2, 2, 1, 0]])
for attrs in ({"multi_output": True}, {"multi_output": True, "normalization": "batch"},
              {"multi_output": True, "normalization": "valid"},
              {"multi_output": True, "normalization": "valid", "use_ignore": True,
               "ignore_label": 0},
              {"multi_output": True, "use_ignore": True, "ignore_label": 2,
               "grad_scale": 3.0},
              {"multi_output": True, "smooth_alpha": 0.2}):
    case("SoftmaxOutput", [x234b, lab_mo], attrs, kind="grad")
case("SoftmaxOutput", [A((2, 3, 2, 2), 1 / 6.), V([[[0, 1], [2, 0]], [[2, 2], [1, 0]]])],
     {"multi_output": True}, kind="grad")
lab_ps = V([[0, 1, 2], [2, 2, 1]])
case("SoftmaxOutput", [x234b, lab_ps], {"preserve_shape": True}, kind="grad")
case("SoftmaxOutput", [x234b, lab_ps], {"preserve_shape": True, "normalization": "batch"},
     kind="grad")
case("SoftmaxOutput", [x234b, lab_ps], {"preserve_shape": True, "normalization": "valid",
                                        "use_ignore": True, "ignore_label": 2}, kind="grad")
case("SoftmaxOutput", [x234b, lab_ps], {}, kind="grad", id="softmaxout-3d-flat")
case("SoftmaxOutput", [x234b, lab_ps], {"normalization": "batch"}, kind="grad")
case("SoftmaxOutput", [x234b, lab_ps], {"normalization": "valid", "use_ignore": True,
                                        "ignore_label": 1}, kind="grad")
case("Softmax", [x34, lab3], {"grad_scale": "0.5", "normalization": "batch"}, kind="grad")
err("SoftmaxOutput", [x234b, V([0, 1])], {})
err("SoftmaxOutput", [x234b, lab_ps], {"multi_output": True})
err("SoftmaxOutput", [x34, V([1, 3, 0], dtype="int32")], {})

# --- regression outputs
xr = A((3, 4), 0.25, -1.0)
yr = A((3, 4), -0.125, 1.375)
for op in ("LinearRegressionOutput", "LogisticRegressionOutput", "MAERegressionOutput"):
    case(op, [xr, yr], {}, kind="grad")
    case(op, [xr, yr], {"grad_scale": 3.0}, kind="grad", head=A((3, 4)))
    case(op, [A((2, 3, 4), 1 / 6., -1.0), A((2, 3, 4), -1 / 12., 1.0)], {}, kind="grad")
    case(op, [A((3, 1), 0.5), A((3,), 0.25)], {}, kind="grad")
    err(op, [xr, A((3, 1))], {})
case("MAERegressionOutput", [A((4,)), V([0, 2, 2, 5])], {}, kind="grad", id="mae-zero-diff")

# --- softmax_cross_entropy
case("softmax_cross_entropy", [x34, lab3], {})
case("softmax_cross_entropy", [x34, V([1.7, 3.0, 2.2])], {})
case("softmax_cross_entropy", [A((3, 4), 0.25, dtype="float64"), V([1, 3, 0], "float64")], {})
err("softmax_cross_entropy", [A((12,)), V([1])], {})
err("softmax_cross_entropy", [x34, V([[1, 3, 0]])], {})
err("softmax_cross_entropy", [x34, V([1, 3])], {})

# --- Sequence*
xq = A((4, 3, 2))
L = V([1, 3, 0])
case("SequenceMask", [xq], {})
case("SequenceMask", [xq, L], {"use_sequence_length": True})
case("SequenceMask", [xq, L], {"use_sequence_length": True, "value": -7.5})
case("SequenceMask", [xq, V([1, 3, 3, 2])], {"use_sequence_length": True, "axis": 1})
case("SequenceMask", [xq, V([1.6, 4, 0.5])], {"use_sequence_length": True})
case("SequenceMask", [A((4, 3, 2), dtype="int32"), V([1, 3, 0], dtype="int32")],
     {"use_sequence_length": True})
case("SequenceMask", [A((4, 6)), V([1, 2, 3, 4, 0, 2])], {"use_sequence_length": "1",
                                                        "value": "2.5"})
case("SequenceLast", [xq], {})
case("SequenceLast", [xq, V([1, 3, 2])], {"use_sequence_length": True})
case("SequenceLast", [xq, V([1, 3, 3, 2])], {"use_sequence_length": True, "axis": 1})
case("SequenceLast", [xq, V([1.6, 4, 2])], {"use_sequence_length": True})
case("SequenceLast", [A((4, 6)), V([1, 2, 3, 4, 1, 2])], {"use_sequence_length": True})
case("SequenceReverse", [xq], {})
case("SequenceReverse", [xq, L], {"use_sequence_length": True})
case("SequenceReverse", [xq, V([1.6, 4, 2])], {"use_sequence_length": True})
case("SequenceReverse", [A((4, 6)), V([1, 2, 3, 4, 0, 2])], {"use_sequence_length": True})
err("SequenceMask", [xq, L], {"use_sequence_length": True, "axis": 2})
err("SequenceMask", [xq], {"use_sequence_length": True})
err("SequenceLast", [xq, L], {})
err("SequenceReverse", [xq, V([1, 3, 4, 2])], {"use_sequence_length": True, "axis": 1})

# --- ROIPooling
xroi = S((2, 2, 6, 7))
rois_vals = [[0, 0, 0, 4, 4], [1, 1.5, 0.5, 6.4, 5.6], [0, 2, 2, 2, 2], [1, -3, -2, 20, 20],
             [0, 5, 5, 1, 1]]
rois = V(rois_vals)
case("ROIPooling", [xroi, rois], {"pooled_size": (2, 2), "spatial_scale": 1.0})
case("ROIPooling", [xroi, rois], {"pooled_size": (3, 2), "spatial_scale": 0.5})
case("ROIPooling", [S((2, 2, 6, 7), dtype="float64"), V(rois_vals, "float64")],
     {"pooled_size": "(2, 3)", "spatial_scale": "0.75"})
err("ROIPooling", [xroi, V([[0, 0, 0, 4]])], {"pooled_size": (2, 2), "spatial_scale": 1.0})
err("ROIPooling", [S((2, 6, 7)), rois], {"pooled_size": (2, 2), "spatial_scale": 1.0})
err("ROIPooling", [xroi, rois], {"pooled_size": (2,), "spatial_scale": 1.0})
err("ROIPooling", [xroi, rois], {"pooled_size": (2, 2)})

# --- UpSampling
xu = A((2, 2, 2, 3))
case("UpSampling", [xu], {"scale": 2, "sample_type": "nearest"})
case("UpSampling", [xu], {"scale": 3, "sample_type": "nearest"})
case("UpSampling", [A((2, 2, 3, 3)), S((2, 1, 3, 3))], {"scale": 2, "sample_type": "nearest"})
case("UpSampling", [A((2, 2, 3, 3)), S((2, 2, 6, 6))],
     {"scale": 2, "sample_type": "nearest", "multi_input_mode": "sum"})
case("UpSampling", [xu, A((2, 1, 4, 4), 0.1)],
     {"scale": 2, "sample_type": "bilinear", "num_filter": 2})
case("UpSampling", [xu, A((2, 1, 5, 5), 0.1)],
     {"scale": 3, "sample_type": "bilinear", "num_filter": 2})
err("UpSampling", [xu], {"scale": 2})
err("UpSampling", [A((2, 2, 6))], {"scale": 2, "sample_type": "nearest"})
err("UpSampling", [xu, A((2, 3, 4, 6))],
    {"scale": 2, "sample_type": "nearest", "multi_input_mode": "sum"})
err("UpSampling", [xu], {"scale": 0, "sample_type": "nearest"})
err("UpSampling", [xu, A((2, 2, 4, 4))], {"scale": 2, "sample_type": "bilinear",
                                          "num_filter": 2})

# --- CTCLoss
xc = S((5, 2, 4))
case("CTCLoss", [xc, V([[1, 2], [3, 0]])], {})
case("ctc_loss", [xc, V([[1, 2], [3, 0]])], {})
case("CTCLoss", [xc, V([[1, 2], [3, -1]])], {"blank_label": "last"})
case("CTCLoss", [xc, V([[0, 2], [1, -1]])], {"blank_label": "last"})
case("CTCLoss", [xc, V([[1, 1], [3, 3]])], {})
case("CTCLoss", [xc, V([[1, 2], [3, 2]]), V([5, 3])], {"use_data_lengths": True})
case("CTCLoss", [xc, V([[1, 2], [3, 2]]), V([5, 3]), V([2, 1])],
     {"use_data_lengths": True, "use_label_lengths": True})
case("CTCLoss", [xc, V([[1, 2], [3, 2]]), V([2, 1])], {"use_label_lengths": True})
case("CTCLoss", [xc, V([[1, 1, 1], [3, 2, 0]])], {})
case("CTCLoss", [S((6, 3, 5), 2.0), V([[1, 2, 3], [4, 4, 0], [0, 0, 0]], dtype="int32")], {})
case("CTCLoss", [S((6, 3, 5), 2.0), V([[1, 2, 3], [4, 4, -1], [-1, -1, -1]])],
     {"blank_label": "last"}, kind="grad", id="ctc-grad")
case("CTCLoss", [S((2, 3, 4)), V([[1, 1], [1, 2], [2, 0]]), V([2, 1, 2])],
     {"use_data_lengths": True}, id="ctc-infeasible")
err("CTCLoss", [xc, V([[1, 2, 3, 1, 2, 3], [3, 2, 0, 0, 0, 0]])], {})
err("CTCLoss", [xc, V([[1, 2], [3, 0]])], {"use_data_lengths": True})

# --- BatchNorm
xb = S((2, 3, 4), 2.0, 0.5)
bn_p = [V([1.0, 2.0, 3.0]), V([0.1, 0.2, 0.3]), V([0.5, 0.6, 0.7]), V([1.5, 1.6, 1.7])]
bn_p4 = [V([1.0, 2.0, 3.0, 4.0]), V([0.1, 0.2, 0.3, 0.4]), V([0.5, 0.6, 0.7, 0.8]),
         V([1.5, 1.6, 1.7, 1.8])]
case("BatchNorm", [xb] + bn_p, {})
case("BatchNorm", [xb] + bn_p, {"fix_gamma": False})
case("BatchNorm", [xb] + bn_p4, {"fix_gamma": False, "axis": -1, "output_mean_var": True})
case("BatchNorm", [S((2, 3, 2, 2), 2.0)] + bn_p,
     {"fix_gamma": False, "use_global_stats": True, "output_mean_var": True, "eps": 0.01})
case("BatchNorm", [S((2, 3, 4), 2.0, 0.5, dtype="float16")] + bn_p,
     {"fix_gamma": False, "output_mean_var": True}, tol=2e-3)
case("BatchNorm", [S((2, 3, 4), 2.0, 0.5, dtype="float64")] + [
    V(p["values"], "float64") for p in bn_p], {"fix_gamma": False})
case("BatchNorm", [S((6, 3), 2.0)] + bn_p,
     {"fix_gamma": "False", "eps": "1e-5", "momentum": "0.5", "cudnn_off": "True"},
     id="bn-strattrs")
case("BatchNorm", [S((2, 3, 2, 2), 2.0, 0.5, 1.7)] + bn_p, {"fix_gamma": False},
     kind="train", id="bn-train")
case("BatchNorm", [S((2, 3, 2, 2), 2.0, 0.5, 1.7)] + bn_p,
     {"fix_gamma": True, "output_mean_var": True, "momentum": 0.7}, kind="train",
     id="bn-train-omv")
case("BatchNorm", [S((2, 3, 4), 2.0, 0.5, 1.7)] + bn_p4,
     {"fix_gamma": False, "axis": 2, "eps": 0.1}, kind="train", id="bn-train-axis")
case("BatchNorm", [S((2, 3, 4), 2.0, 0.5, 1.7)] + bn_p,
     {"fix_gamma": False, "use_global_stats": True}, kind="train", id="bn-train-global")
case("BatchNorm", [S((2, 3, 2, 2), 2.0, 0.5, 1.7, dtype="float16")] + bn_p,
     {"fix_gamma": False, "output_mean_var": True}, kind="train", id="bn-train-fp16", tol=2e-3)
err("BatchNorm", [xb] + bn_p, {"axis": 3})
err("BatchNorm", [xb] + bn_p[:3], {})
err("BatchNorm", [S((2, 3, 4), dtype="float16")] + [
    V(p["values"], "float16") for p in bn_p], {})
err("BatchNorm", [S((2, 3, 4), dtype="int32")] + [V(p["values"], "int32") for p in bn_p], {})

# --- LayerNorm / InstanceNorm / GroupNorm
g4 = [V([1.0, 2.0, 3.0, 4.0]), V([0.1, 0.2, 0.3, 0.4])]
g3 = [V([1.0, 2.0, 3.0]), V([0.1, 0.2, 0.3])]
case("LayerNorm", [xb] + g4, {})
case("LayerNorm", [xb] + g4, {"output_mean_var": True})
case("LayerNorm", [xb] + g3, {"axis": 1, "output_mean_var": True})
case("LayerNorm", [xb] + g3, {"axis": "-2", "eps": "0.1"})
case("LayerNorm", [S((2, 3, 4), 2.0, 0.5, dtype="float64")] + [
    V(p["values"], "float64") for p in g4], {})
case("LayerNorm", [S((2, 3, 4), 2.0, 0.5, dtype="float16")] + [
    V(p["values"], "float16") for p in g4], {}, tol=3e-3)
err("LayerNorm", [xb] + g3, {})
err("LayerNorm", [xb] + g4, {"axis": 3})
err("LayerNorm", [xb] + g4[:1], {})
case("InstanceNorm", [xb] + g3, {})
case("InstanceNorm", [xb] + g3, {"eps": 0.1})
case("InstanceNorm", [S((2, 3, 2, 2), 2.0, 0.5)] + g3, {})
err("InstanceNorm", [S((6, 4))] + g4, {})
xg = S((2, 4, 3, 2), 2.0, 0.3)
case("GroupNorm", [xg, V([1.0, 2.0]), V([0.1, 0.2])], {"num_groups": 2, "output_mean_var": True})
case("GroupNorm", [S((2, 4, 6), 2.0), V([1.0, 2.0, 3.0, 4.0]), V([0.1, 0.2, 0.3, 0.4])],
     {"num_groups": 4, "eps": 0.01})
case("GroupNorm", [xg, V([1.5]), V([0.5])], {})
err("GroupNorm", [xg, V([1.0, 2.0, 3.0]), V([0.1, 0.2, 0.3])], {"num_groups": 3})
err("GroupNorm", [xg, V([1.0, 2.0, 3.0, 4.0]), V([0.1, 0.2, 0.3, 0.4])], {"num_groups": 2})

# --- L2Normalization / LRN
xn = S((2, 3, 4), 1.0, 0.5)
for mode in ("instance", "channel", "spatial"):
    case("L2Normalization", [xn], {"mode": mode})
    case("L2Normalization", [S((2, 3, 2, 2), 1.0, 0.5)], {"mode": mode, "eps": 0.5})
case("L2Normalization", [S((6, 4), 1.0, 0.5)], {})
case("L2Normalization", [S((5,), 1.0, 0.5)], {})
case("L2Normalization", [S((2, 3, 4), 1.0, 0.5, dtype="float64")], {"mode": "channel"})
err("L2Normalization", [S((6, 4))], {"mode": "channel"})
xlrn = S((2, 5, 2, 2), 1.0, 0.5)
case("LRN", [xlrn], {"nsize": 3})
case("LRN", [xlrn], {"nsize": 3, "alpha": 0.5, "beta": 0.6, "knorm": 1.5})
case("LRN", [xlrn], {"nsize": 4, "alpha": 0.5})
case("LRN", [xlrn], {"nsize": 1, "alpha": 0.5})
case("LRN", [xlrn], {"nsize": "5", "alpha": "0.3", "beta": "0.5"})
err("LRN", [S((2, 5, 4))], {"nsize": 3})
err("LRN", [xlrn], {})


# ----------------------------------------------------------------------------- running

def _arr(a):
    a = np.asarray(a)
    return {"dtype": str(a.dtype), "shape": list(a.shape),
            "data": [float(v) for v in a.astype(np.float64).ravel()]}


def _message(e):
    text = str(e).strip()
    if "MXNetError:" in text:
        return text.rsplit("MXNetError:", 1)[1].strip()
    return text.split("\n")[-1].strip()


def run_case(c, mx):
    fn = getattr(mx.nd, c["op"])
    arrays = [mx.nd.array(build(s), dtype=s["dtype"]) for s in c["inputs"]]
    res = {"id": c["id"]}
    try:
        if c["kind"] in ("fwd", "error"):
            out = fn(*arrays, **c["attrs"])
            outs = out if isinstance(out, (list, tuple)) else [out]
            res["outputs"] = [_arr(o.asnumpy()) for o in outs]
        elif c["kind"] == "train":
            for a in arrays[:3]:
                a.attach_grad()
            with mx.autograd.record():
                out = fn(*arrays, **c["attrs"])
            outs = out if isinstance(out, (list, tuple)) else [out]
            mx.autograd.backward([outs[0]])
            res["outputs"] = [_arr(o.asnumpy()) for o in outs]
            res["aux"] = [_arr(arrays[3].asnumpy()), _arr(arrays[4].asnumpy())]
        elif c["kind"] == "grad":
            arrays[0].attach_grad()
            with mx.autograd.record():
                out = fn(*arrays, **c["attrs"])
            if c["head"] is not None:
                out.backward(mx.nd.array(build(c["head"])))
            else:
                out.backward()
            res["outputs"] = [_arr(out.asnumpy())]
            res["grads"] = [_arr(arrays[0].grad.asnumpy())]
        if c["kind"] == "error":
            res["error"] = None  # MXNet accepted it: the test will report the mismatch
    except mx.base.MXNetError as e:
        res["error"] = _message(e)
        res.pop("outputs", None)
    return res


def main(argv):
    only_nomkl = "--nomkl" in argv
    args = [a for a in argv if not a.startswith("--")]
    out_path = args[0] if args else OUT
    import mxnet as mx
    results = {}
    for c in CASES:
        if c["nomkl"] == only_nomkl:
            if os.environ.get("RECORD_VERBOSE"):
                print(c["id"], file=sys.stderr, flush=True)
            results[c["id"]] = run_case(c, mx)
    if only_nomkl:
        json.dump(results, sys.stdout)
        return
    if any(c["nomkl"] for c in CASES):
        env = dict(os.environ, MXNET_MKLDNN_ENABLED="0", MXNET_STORAGE_FALLBACK_LOG_VERBOSE="0")
        proc = subprocess.run([sys.executable, os.path.abspath(__file__), "--nomkl"],
                              env=env, capture_output=True, text=True, check=True)
        results.update(json.loads(proc.stdout))
    cases = []
    for c in CASES:
        r = results[c["id"]]
        entry = dict(c)
        entry["inputs"] = [dict(s, data=_arr(build(s))["data"]) for s in c["inputs"]]
        if c["head"] is not None:
            entry["head"] = _arr(build(c["head"]))
        entry.update(r)
        cases.append(entry)
    ids = [c["id"] for c in cases]
    assert len(ids) == len(set(ids)), "duplicate case ids"
    with open(out_path, "w") as f:
        json.dump({"mxnet": mx.__version__, "cases": cases}, f, indent=0, sort_keys=True)
        f.write("\n")
    print(f"wrote {len(cases)} cases to {out_path}")


if __name__ == "__main__":
    main(sys.argv[1:])
