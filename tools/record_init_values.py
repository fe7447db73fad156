"""Record the values MXNet 1.9.1's initializers produce (through the oracle) for the
MXNet-exact stream tests of ``tests/test_initializer.py``.

    ../shared/tools/mxnet-oracle tools/record_init_values.py [output.json]

(run it from the repository root). Each case is a list of steps replayed in order in one
fresh random state:

* ``["seed", s]``: ``mx.random.seed(s)``;
* ``["init", spec, name, shape, dtype, attrs]``: the initializer ``spec`` names (see
  ``build``) called as ``init(InitDesc(name, attrs), arr)`` on ``nd.zeros(shape, dtype)``;
  the array is recorded;
* ``["mixed", patterns, specs, name, shape]``: the same with
  ``Mixed(patterns, [create(s) for s in specs])``.

A recorded array keeps its shape, dtype and its exact values: floats written with
``float.hex`` when there are at most 64 of them, otherwise the little-endian bytes in
base64. ``exact`` says whether the case must match bit for bit (cases built only on
uniform/randint draws) or within a few float32 ulps (normal draws: the emulated ``logf``
may round differently).
"""
from __future__ import annotations

import base64
import json
import os
import sys

import mxnet as mx
import numpy as np

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(REPO, "tests", "data", "init_values.json")
MAX_VALUES = 64

CASES: list = []


def case(cid, exact, *steps):
    CASES.append({"id": cid, "exact": exact, "steps": [list(s) for s in steps]})


def init(spec, name, shape, dtype="float32", attrs=None):
    if isinstance(spec, mx.init.Initializer):
        spec = spec.dumps()
    return ["init", spec, name, list(shape), dtype, attrs or {}]


def build(spec):
    """The initializer a step names: a dumps() string, or ``{"fusedrnn": [init spec,
    num_hidden, num_layers, mode, bidirectional, forget_bias]}`` (MXNet cannot create a
    FusedRNN with an inner initializer from its own dumps())."""
    if isinstance(spec, dict):
        inner, *args = spec["fusedrnn"]
        return mx.init.FusedRNN(mx.init.create(inner), *args)
    return mx.init.create(spec)


I = mx.init
# -------------------------------------------------------------- the Mixed docstring example
case("docstring_mixed", True, ["seed", 0],
     ["mixed", ["bias", ".*"], [I.Zero().dumps(), I.Uniform(0.1).dumps()],
      "fullyconnected1_bias", [1]],
     ["mixed", ["bias", ".*"], [I.Zero().dumps(), I.Uniform(0.1).dumps()],
      "fullyconnected1_weight", [1, 3]])
# -------------------------------------------------------------- Uniform
case("uniform_default_seed0", True, ["seed", 0], init(I.Uniform(), "w_weight", (3, 4)))
case("uniform_seed42_n200", True, ["seed", 42], init(I.Uniform(0.5), "w_weight", (200,)))
case("uniform_consecutive", True, ["seed", 7],
     init(I.Uniform(0.1), "a_weight", (3,)), init(I.Uniform(0.1), "b_weight", (70, 3)),
     init(I.Uniform(2), "c_weight", (5,)), init(I.Uniform(0.1), "d_bias", (5,)),
     init(I.Uniform(0.1), "e_weight", (2, 2)))
case("uniform_large", True, ["seed", 3], init(I.Uniform(1.0), "w_weight", (300, 20)))
case("uniform_float64", True, ["seed", 1], init(I.Uniform(0.3), "w_weight", (5,), "float64"))
case("uniform_start_state", True, init(I.Uniform(1.0), "w_weight", (3,)))
case("uniform_attr_on_bias", True, ["seed", 2],
     init(I.Zero(), "fc_bias", (6,), attrs={"__init__": I.Uniform(0.2).dumps()}))
# -------------------------------------------------------------- Normal
case("normal_seed128", False, ["seed", 128], init(I.Normal(1.0), "w_weight", (4,)))
case("normal_seed0", False, ["seed", 0], init(I.Normal(0.5), "w_weight", (3, 5)))
case("normal_default_n200", False, ["seed", 5], init(I.Normal(), "w_weight", (200,)))
case("normal_float64", False, ["seed", 6], init(I.Normal(2.0), "w_weight", (6,), "float64"))
# -------------------------------------------------------------- Xavier
seed = 20
for rnd in ("uniform", "gaussian"):
    for factor in ("avg", "in", "out"):
        for magnitude in (3, 2.45):
            case("xavier_%s_%s_%s" % (rnd, factor, magnitude), rnd == "uniform", ["seed", seed],
                 init(I.Xavier(rnd, factor, magnitude), "conv_weight", (4, 3, 2, 2)))
            seed += 1
case("xavier_large", True, ["seed", 11], init(I.Xavier(), "conv_weight", (64, 32, 3, 3)))
case("xavier_fc_gaussian_in", False, ["seed", 12],
     init(I.Xavier("gaussian", "in", 2), "fc_weight", (10, 20)))
case("xavier_3d", True, ["seed", 13], init(I.Xavier(), "w_weight", (8, 4, 3)))
# -------------------------------------------------------------- Orthogonal
seed = 40
for rand_type in ("uniform", "normal"):
    for shape in ((3, 5), (5, 3), (4, 2, 2)):
        case("orthogonal_%s_%s" % (rand_type, "x".join(map(str, shape))), rand_type == "uniform",
             ["seed", seed], init(I.Orthogonal(rand_type=rand_type), "o_weight", shape))
        seed += 1
case("orthogonal_scale2_normal", False, ["seed", 50],
     init(I.Orthogonal(2, "normal"), "o_weight", (6, 4)))
# -------------------------------------------------------------- MSRAPrelu
case("msraprelu_default", False, ["seed", 60], init(I.MSRAPrelu(), "conv_weight", (8, 4, 3, 3)))
case("msraprelu_in", False, ["seed", 61], init(I.MSRAPrelu("in", 0.1), "fc_weight", (16, 8)))
# -------------------------------------------------------------- sequences (RNG order)
case("mlp_module_order", True, ["seed", 0],
     init(I.Xavier(), "fc1_bias", (4,)), init(I.Xavier(), "fc1_weight", (4, 3)),
     init(I.Xavier(), "fc2_bias", (2,)), init(I.Xavier(), "fc2_weight", (2, 4)))
case("fusedrnn_uniform", True, ["seed", 70],
     init({"fusedrnn": [I.Uniform(0.1).dumps(), 2, 1, "lstm", False, 1.0]}, "rnn_weight", (56,)))
case("fusedrnn_global_uniform", True, ["seed", 71],
     init(I.Uniform(0.2), "rnn_parameters", (20,),
          attrs={"__init__": I.FusedRNN(None, 2, 1, "rnn_tanh", True).dumps()}))
case("quantized_weight", True, ["seed", 80], init(I.Zero(), "conv_weight_quantize", (2, 4), "int8"),
     init(I.Zero(), "conv_weight_quantize", (3,), "float32"))


def encode(arr):
    a = arr.asnumpy()
    rec = {"shape": list(a.shape), "dtype": str(a.dtype)}
    if a.size <= MAX_VALUES:
        if a.dtype.kind == "f":
            rec["values"] = [float(v).hex() for v in a.ravel()]
        else:
            rec["values"] = [int(v) for v in a.ravel()]
    else:
        rec["b64"] = base64.b64encode(np.ascontiguousarray(a).astype(a.dtype.newbyteorder("<"))
                                      .tobytes()).decode("ascii")
    return rec


def run_case(c):
    # a fresh generator state: MXNet's start-up state is seed(0)
    mx.random.seed(0)
    results = []
    for step in c["steps"]:
        kind = step[0]
        if kind == "seed":
            mx.random.seed(step[1])
        elif kind == "init":
            _, spec, name, shape, dtype, attrs = step
            arr = mx.nd.zeros(tuple(shape), dtype=dtype)
            build(spec)(mx.init.InitDesc(name, attrs), arr)
            results.append(encode(arr))
        elif kind == "mixed":
            _, patterns, specs, name, shape = step
            arr = mx.nd.zeros(tuple(shape))
            mx.init.Mixed(patterns, [mx.init.create(s) for s in specs])(
                mx.init.InitDesc(name), arr)
            results.append(encode(arr))
        else:
            raise ValueError(step)
    return results


def main(argv):
    out = argv[1] if len(argv) > 1 else OUT
    for c in CASES:
        c["results"] = run_case(c)
    with open(out, "w") as f:
        json.dump({"mxnet": mx.__version__, "cases": CASES}, f, indent=0)
        f.write("\n")
    print("record_init_values: %d cases -> %s" % (len(CASES), out))


if __name__ == "__main__":
    main(sys.argv)
