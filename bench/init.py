"""Initialising a ResNet-50's parameters with ``mx.init.Xavier()``: mxcompat vs real MXNet
vs hand-written JAX.

Run: python bench/init.py [--repeat N] [--no-mxnet]

The same legacy program (``PROGRAM`` below, ``import mxnet as mx``) runs under real MXNet
1.9.1 (through ../shared/tools/mxnet-oracle, override with MXNET_ORACLE) and under
mxcompat (``python -m mxcompat``), each in a fresh process. It allocates the 267 arrays
of ResNet-50 v1 (conv weights, BatchNorm gamma/beta/moving mean/var, the classifier) and
initialises them the way ``Module.init_params`` does: sorted argument names, then sorted
auxiliary names, each as ``init(InitDesc(name, attrs), arr)``, where the BatchNorm moving
statistics carry their ``__init__`` attribute (``["zero", {}]`` / ``["one", {}]``). The
time includes waiting for the results (``nd.waitall()``).

Printed: the first pass (in a fresh process: for mxcompat that includes compiling, which
JAX's persistent compilation cache shortens on later runs) and the median of the
following passes, for each implementation, and the ratios to MXNet.
"""
from __future__ import annotations

import argparse
import json
import math
import os
import subprocess
import sys
import tempfile
import time

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def resnet50_v1_params():
    """[(name, shape, attrs)] of ResNet-50 v1 (bottleneck, 1000 classes), MXNet naming."""
    args, aux = [], []

    def conv(name, cout, cin, k):
        args.append((name + "_weight", (cout, cin, k, k)))

    def bn(name, c):
        args.append((name + "_gamma", (c,)))
        args.append((name + "_beta", (c,)))
        aux.append((name + "_moving_mean", (c,)))
        aux.append((name + "_moving_var", (c,)))

    conv("conv0", 64, 3, 7)
    bn("bn0", 64)
    cin = 64
    for stage, (units, mid) in enumerate([(3, 64), (4, 128), (6, 256), (3, 512)], start=1):
        cout = mid * 4
        for unit in range(1, units + 1):
            p = "stage%d_unit%d_" % (stage, unit)
            conv(p + "conv1", mid, cin, 1)
            bn(p + "bn1", mid)
            conv(p + "conv2", mid, mid, 3)
            bn(p + "bn2", mid)
            conv(p + "conv3", cout, mid, 1)
            bn(p + "bn3", cout)
            if unit == 1:
                conv(p + "sc", cout, cin, 1)
                bn(p + "sc_bn", cout)
            cin = cout
    args.append(("fc1_weight", (1000, 2048)))
    args.append(("fc1_bias", (1000,)))
    aux_attr = {"_moving_mean": '["zero", {}]', "_moving_var": '["one", {}]'}
    out = [(n, s, {}) for n, s in sorted(args)]
    for n, s in sorted(aux):
        suffix = "_moving_mean" if n.endswith("_moving_mean") else "_moving_var"
        out.append((n, s, {"__init__": aux_attr[suffix]}))
    return out


PROGRAM = r'''
import json, sys, time
import mxnet as mx
params = json.loads(sys.argv[1])
repeat = int(sys.argv[2])
ctx = mx.gpu(0) if sys.argv[3] == "gpu" else mx.cpu(0)
arrays = [(mx.init.InitDesc(n, a), mx.nd.zeros(tuple(s), ctx=ctx)) for n, s, a in params]
mx.nd.waitall()
init = mx.init.Xavier()
times = []
for _ in range(repeat + 1):
    t = time.perf_counter()
    for desc, arr in arrays:
        init(desc, arr)
    mx.nd.waitall()
    times.append(time.perf_counter() - t)
total = float(sum(arr.asnumpy().astype("float64").__abs__().sum() for _, arr in arrays))
print(json.dumps({"times": times, "checksum": total}))
'''


def run_program(cmd, params, repeat, ctx="cpu"):
    with tempfile.TemporaryDirectory() as d:
        path = os.path.join(d, "init_bench.py")
        with open(path, "w") as f:
            f.write(PROGRAM)
        proc = subprocess.run(cmd + [path, json.dumps(params), str(repeat), ctx], cwd=d,
                              capture_output=True, text=True)
    if proc.returncode != 0:
        raise RuntimeError("%s failed:\n%s" % (" ".join(cmd), proc.stderr[-3000:]))
    return json.loads(proc.stdout.strip().splitlines()[-1])


def run_jax(params, repeat, where="cpu"):
    """The same work written directly in JAX, the idiomatic way: one jitted function that
    returns every array (uniform Xavier draws for the weights, fills for the rest)."""
    import jax
    import jax.numpy as jnp

    def fans(shape):
        hw = math.prod(shape[2:]) if len(shape) > 2 else 1
        return shape[1] * hw, shape[0] * hw

    specs = []
    for name, shape, attrs in params:
        shape = tuple(shape)
        if attrs.get("__init__") == '["one", {}]' or name.endswith("_gamma"):
            specs.append(("one", shape, 0.0))
        elif attrs or name.endswith(("_beta", "_bias")):
            specs.append(("zero", shape, 0.0))
        else:
            fi, fo = fans(shape)
            specs.append(("xavier", shape, math.sqrt(3.0 / ((fi + fo) / 2.0))))

    @jax.jit
    def init_all(key):
        out = []
        for i, (kind, shape, s) in enumerate(specs):
            if kind == "one":
                out.append(jnp.ones(shape, jnp.float32))
            elif kind == "zero":
                out.append(jnp.zeros(shape, jnp.float32))
            else:
                out.append(jax.random.uniform(jax.random.fold_in(key, i), shape, jnp.float32,
                                              -s, s))
        return out

    device = jax.devices("gpu" if where == "gpu" else "cpu")[0]
    times = []
    with jax.default_device(device):
        key = jax.random.key(0)
        for r in range(repeat + 1):
            t = time.perf_counter()
            jax.block_until_ready(init_all(jax.random.fold_in(key, r)))
            times.append(time.perf_counter() - t)
    return {"times": times}


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--repeat", type=int, default=5, help="timed passes after the first")
    ap.add_argument("--no-mxnet", action="store_true", help="skip real MXNet")
    ap.add_argument("--gpu", action="store_true",
                    help="mxcompat and JAX on the first GPU (MXNet stays on the CPU)")
    args = ap.parse_args(argv)

    params = resnet50_v1_params()
    nparams = sum(math.prod(s) for _, s, _ in params)
    print("ResNet-50 v1: %d arrays, %.2fM numbers; Xavier() through mx.init, %d passes%s"
          % (len(params), nparams / 1e6, args.repeat,
             "; mxcompat and JAX on the GPU" if args.gpu else ""))

    results = {}
    where = "gpu" if args.gpu else "cpu"
    results["mxcompat"] = run_program([sys.executable, "-m", "mxcompat"], params, args.repeat,
                                      where)
    if not args.no_mxnet:
        oracle = os.environ.get("MXNET_ORACLE") or os.path.join(REPO, "..", "shared", "tools",
                                                                 "mxnet-oracle")
        results["MXNet 1.9.1"] = run_program([os.path.abspath(oracle)], params, args.repeat)
    results["hand-written JAX"] = run_jax(params, args.repeat, where)

    def med(xs):
        xs = sorted(xs)
        return xs[len(xs) // 2] if len(xs) % 2 else 0.5 * (xs[len(xs) // 2 - 1] + xs[len(xs) // 2])

    ref = results.get("MXNet 1.9.1")
    print("%-18s %12s %14s %15s %16s" % ("", "first (ms)", "steady (ms)", "first/MXNet's",
                                          "steady/MXNet's"))
    for label, r in results.items():
        first, steady = r["times"][0] * 1e3, med(r["times"][1:]) * 1e3
        if ref is None:
            r_first = r_steady = ""
        else:
            r_first = "%.2fx" % (first / (ref["times"][0] * 1e3))
            r_steady = "%.2fx" % (steady / (med(ref["times"][1:]) * 1e3))
        print("%-18s %12.1f %14.1f %15s %16s" % (label, first, steady, r_first, r_steady))
    if ref is not None:
        # same law, same bounds: the mean |x| over all arrays agrees to a fraction of a percent
        a, b = results["mxcompat"]["checksum"], ref["checksum"]
        print("sum |x|: mxcompat %.1f, MXNet %.1f (relative difference %.2e)"
              % (a, b, abs(a - b) / b))


if __name__ == "__main__":
    main()
