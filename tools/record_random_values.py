"""Record MXNet 1.9.1's CPU random numbers (from the oracle) for the MXNet-exact stream
tests (``tests/test_random.py``).

    ../shared/tools/mxnet-oracle tools/record_random_values.py [output.json]

Each case is a list of steps replayed in order in one process-like state:

* ``["seed", s]`` or ``["seed", s, "cpu"|"cpu1"]``: ``mx.random.seed(s)`` (optionally with
  a context);
* ``["call", fn, kwargs]``: ``mx.nd.random.<fn>(**kwargs)`` whose result is recorded;
  a kwarg value ``{"nd": values, "dtype": d}`` is an NDArray, ``{"ctx": "cpu1"}`` a context;
* ``["flat", name, kwargs]``: the operator ``name`` as the flat ``mx.nd`` function.

A result is stored with its shape, dtype and either its exact values (``values``: floats
written with ``float.hex``, ints as ints) or, for long results, the little-endian bytes in
base64 (``b64``) or only a SHA-256 of them (``sha256``) plus the first values.
The file also records ``mxnet`` (the version) so stale data is visible.
"""
from __future__ import annotations

import base64
import hashlib
import json
import os
import sys

import mxnet as mx
import numpy as np

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(REPO, "tests", "data", "random_values.json")

MAX_VALUES = 64        # up to this many elements: exact values in the JSON
MAX_B64 = 6000         # up to this many: raw bytes in base64; beyond: a hash


def nd_(values, dtype="float32"):
    return {"nd": values, "dtype": dtype}


CASES: list[dict] = []


def case(cid, *steps):
    CASES.append({"id": cid, "steps": [list(s) for s in steps]})


U, N, R = "uniform", "normal", "randint"

# ---------------------------------------------------------------- uniform float32
case("docstring_mixed", ["seed", 0], ["call", U, {"low": -0.1, "high": 0.1, "shape": [1, 3]}])
for s in (0, 7, 42):
    for n in (3, 5, 200, 70000):
        case(f"uniform_f32_seed{s}_n{n}", ["seed", s], ["call", U, {"shape": n}])
case("uniform_shape3", ["call", U, {"shape": 3}])
case("uniform_consecutive", ["seed", 7], ["call", U, {"shape": 3}], ["call", U, {"shape": 200}],
     ["call", U, {"shape": 70000}], ["call", U, {"shape": 5}], ["call", U, {"shape": 130}])
case("uniform_ranges", ["seed", 3], ["call", U, {"low": -5, "high": 12.5, "shape": [4, 5]}],
     ["call", U, {"low": 1e-3, "high": 1e-3 + 1e-6, "shape": 7}],
     ["call", U, {"low": 2, "high": 2, "shape": 3}])
case("uniform_default_shape", ["seed", 11], ["call", U, {}], ["call", U, {"low": 0.5}])
case("uniform_seed_wraps", ["seed", 2 ** 32 + 5], ["call", U, {"shape": 4}],
     ["seed", -1], ["call", U, {"shape": 4}], ["seed", 2 ** 31 - 1], ["call", U, {"shape": 70}],
     ["seed", -2 ** 31], ["call", U, {"shape": 3}], ["seed", 123456789], ["call", U, {"shape": 3}])
case("uniform_nd_shapes", ["seed", 1], ["call", U, {"shape": [2, 3, 4]}],
     ["call", U, {"shape": [65, 3]}], ["call", U, {"shape": [1024, 64]}],
     ["call", U, {"shape": [1025, 65]}])
case("uniform_seed_ctx", ["seed", 9, "cpu"], ["call", U, {"shape": 3}],
     ["call", U, {"shape": 3, "ctx": {"ctx": "cpu1"}}], ["seed", 9, "cpu1"],
     ["call", U, {"shape": 3}])
# ---------------------------------------------------------------- uniform float64/16
case("uniform_f64", ["seed", 0], ["call", U, {"shape": 5, "dtype": "float64"}],
     ["call", U, {"low": -0.1, "high": 0.1, "shape": 300, "dtype": "float64"}],
     ["call", U, {"shape": 70000, "dtype": "float64"}])
case("uniform_f16", ["seed", 42], ["call", U, {"shape": 50, "dtype": "float16"}],
     ["call", U, {"low": -3, "high": 3, "shape": 4000, "dtype": "float16"}])
case("uniform_mixed_dtypes", ["seed", 5], ["call", U, {"shape": 100}],
     ["call", U, {"shape": 100, "dtype": "float64"}], ["call", U, {"shape": 100}])
# ---------------------------------------------------------------- normal
case("normal_seed128_n4", ["seed", 128], ["call", N, {"shape": 4}])
for s in (0, 7, 42):
    for n in (3, 5, 200, 5000):
        case(f"normal_f32_seed{s}_n{n}", ["seed", s], ["call", N, {"shape": n}])
case("normal_loc_scale", ["seed", 2], ["call", N, {"loc": 3.5, "scale": 0.25, "shape": [3, 7]}])
case("normal_big", ["seed", 4], ["call", N, {"shape": 70000}], ["call", U, {"shape": 5000}])
case("normal_then_uniform", ["seed", 3], ["call", N, {"shape": 100}], ["call", U, {"shape": 100}],
     ["call", N, {"shape": 7}], ["call", U, {"shape": 7}], ["call", N, {"shape": 65}],
     ["call", U, {"shape": 65}])
case("normal_f64", ["seed", 0], ["call", N, {"shape": 5, "dtype": "float64"}],
     ["call", N, {"loc": 1, "scale": 2, "shape": 3000, "dtype": "float64"}],
     ["call", U, {"shape": 10}])
case("normal_f16", ["seed", 8], ["call", N, {"shape": 2000, "dtype": "float16"}])
case("randn", ["seed", 6], ["call", "randn", {"args": [2, 3]}],
     ["call", "randn", {"args": [4], "loc": 1.0, "scale": 3.0, "dtype": "float64"}])
# ---------------------------------------------------------------- randint
case("randint_basic", ["seed", 0], ["call", R, {"low": 0, "high": 1000, "shape": 5}])
case("randint_int64", ["seed", 0],
     ["call", R, {"low": -7, "high": 1000, "shape": 5, "dtype": "int64"}],
     ["call", R, {"low": -2 ** 40, "high": 2 ** 40, "shape": 5, "dtype": "int64"}])
case("randint_int32_full", ["seed", 0],
     ["call", R, {"low": -2 ** 31, "high": 2 ** 31 - 1, "shape": 5, "dtype": "int32"}])
case("randint_many", ["seed", 42], ["call", R, {"low": 0, "high": 10, "shape": 5000}],
     ["call", R, {"low": -100, "high": 100, "shape": 70000}],
     ["call", R, {"low": 0, "high": 2 ** 62, "shape": 3, "dtype": "int64"}])
case("randint_then_uniform", ["seed", 0],
     ["call", R, {"low": 0, "high": 2 ** 62, "shape": 1, "dtype": "int64"}],
     ["call", U, {"shape": 3}])
case("randint_default_shape", ["seed", 13], ["call", R, {"low": 0, "high": 5}])
# ---------------------------------------------------------------- flat aliases and the rest
case("flat_aliases", ["seed", 21],
     ["flat", "random_uniform", {"low": 0, "high": 2, "shape": [2, 2]}],
     ["flat", "uniform", {"shape": 3}], ["flat", "random_normal", {"shape": 3}],
     ["flat", "normal", {"shape": 3}],
     ["flat", "random_randint", {"low": 1, "high": 9, "shape": 4}])
case("like_ops", ["seed", 31], ["call", "uniform_like", {"data": nd_([[0] * 3] * 2)}],
     ["call", "normal_like", {"data": nd_([0] * 70, "float64"), "loc": 1, "scale": 2}])
case("sample_ops", ["seed", 17],
     ["call", U, {"low": nd_([0, 1]), "high": nd_([1, 3])}],
     ["call", U, {"low": nd_([0, 10]), "high": nd_([1, 20]), "shape": [3, 40]}],
     ["call", N, {"loc": nd_([0, 100]), "scale": nd_([1, 0.5]), "shape": 50}])
case("sample_ops_dtypes", ["seed", 0],
     ["call", U, {"low": nd_([0, -0.1]), "high": nd_([1, 0.1]), "shape": 3, "dtype": "float64"}],
     ["call", U, {"low": nd_([0, -0.1], "float64"), "high": nd_([1, 0.1], "float64"), "shape": 3,
                  "dtype": "float64"}],
     ["call", N, {"loc": nd_([0, -0.1], "float64"), "scale": nd_([1, 0.1], "float64"), "shape": 3,
                  "dtype": "float64"}],
     ["call", N, {"loc": nd_([0, -0.1], "float64"), "scale": nd_([1, 0.1], "float64"), "shape": 3}],
     ["call", U, {"low": nd_([0, -0.1], "float16"), "high": nd_([1, 0.1], "float16"), "shape": 3,
                  "dtype": "float16"}],
     ["call", U, {"low": nd_([1, 2], "int32"), "high": nd_([3, 9], "int32"), "shape": 40}],
     ["call", N, {"loc": nd_([0.3, -7.1]), "scale": nd_([1.7, 0.1]), "shape": 300,
                  "dtype": "float64"}],
     ["call", U, {"low": nd_([0.3, -7.1]), "high": nd_([1.7, 0.1]), "shape": 300,
                  "dtype": "float16"}])


# ---------------------------------------------------------------- running
def ctx_of(name):
    return {"cpu": mx.cpu(0), "cpu1": mx.cpu(1)}[name]


def decode(v):
    if isinstance(v, dict) and "nd" in v:
        return mx.nd.array(np.asarray(v["nd"]), dtype=v["dtype"])
    if isinstance(v, dict) and "ctx" in v:
        return ctx_of(v["ctx"])
    if isinstance(v, list):
        return tuple(v)
    return v


def encode(a: np.ndarray) -> dict:
    out = {"shape": list(a.shape), "dtype": str(a.dtype)}
    flat = a.reshape(-1)
    if flat.size <= MAX_VALUES:
        if a.dtype.kind == "f":
            out["values"] = [float(x).hex() for x in flat.astype(np.float64)]
        else:
            out["values"] = [int(x) for x in flat]
        return out
    raw = np.ascontiguousarray(flat).astype(flat.dtype.newbyteorder("<")).tobytes()
    if flat.size <= MAX_B64:
        out["b64"] = base64.b64encode(raw).decode("ascii")
    else:
        out["sha256"] = hashlib.sha256(raw).hexdigest()
        out["head"] = [float(x).hex() if a.dtype.kind == "f" else int(x) for x in flat[:8]]
    return out


def run_case(c):
    results = []
    for step in c["steps"]:
        if step[0] == "seed":
            if len(step) == 3:
                mx.random.seed(step[1], ctx=ctx_of(step[2]))
            else:
                mx.random.seed(step[1])
            continue
        kind, fn, kwargs = step
        kw = {k: decode(v) for k, v in kwargs.items() if k != "args"}
        args = kwargs.get("args", [])
        if kind == "call":
            r = getattr(mx.nd.random, fn)(*args, **kw)
        else:
            r = getattr(mx.nd, fn)(*args, **kw)
        results.append(encode(r.asnumpy()))
    return results


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else OUT
    recorded = []
    for c in CASES:
        # every case starts from a fresh state: seed(0) is what an unseeded process has
        mx.random.seed(0)
        recorded.append(dict(c, results=run_case(c)))
    with open(out, "w") as f:
        json.dump({"mxnet": mx.__version__, "cases": recorded}, f, indent=0)
        f.write("\n")
    print(f"wrote {len(recorded)} cases to {out}")


if __name__ == "__main__":
    main()
