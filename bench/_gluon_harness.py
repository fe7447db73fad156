"""Shared harness of the Gluon training-step benchmarks (gluon_mlp.py, gluon_cnn.py).

A benchmark gives: ``LEGACY`` (a legacy Gluon program defining ``make(hybridize)`` that
returns a ``step()`` closure; run unchanged by mxcompat and by MXNet through the oracle)
and ``jax_step()`` (the same training step hand-written in JAX: ``jax.jit`` of
``value_and_grad`` plus the SGD update). ``main`` times all of them in one run and prints
the ratios.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys

TIMER = r'''
import time
import numpy as np
def timeit(fn, sync, n, warm=10):
    for _ in range(warm): fn()
    sync()
    reps = []
    for _ in range(7):
        t = time.perf_counter()
        for _ in range(n): fn()
        sync()
        reps.append((time.perf_counter() - t) / n * 1e3)
    return float(np.median(reps))
'''

RUN = r'''
out = {}
for hyb in (False, True):
    step = make(hyb)
    out["hybrid" if hyb else "eager"] = timeit(step, mx.nd.waitall, N)
print(json.dumps(out))
'''


def run_mxcompat(legacy: str, n: int) -> dict:
    ns: dict = {"N": n}
    exec(TIMER, ns)
    import mxcompat as mx
    ns["mx"] = mx
    ns["json"] = json
    src = "from mxcompat import gluon, nd, autograd\n" + legacy
    exec(src, ns)
    out = {}
    for hyb in (False, True):
        step = ns["make"](hyb)
        out["hybrid" if hyb else "eager"] = ns["timeit"](step, mx.nd.waitall, n)
    return out


def run_mxnet(legacy: str, n: int) -> dict:
    oracle = os.environ.get("MXNET_ORACLE") or os.path.join(
        os.path.dirname(os.path.abspath(__file__)), "..", "..", "shared", "tools",
        "mxnet-oracle")
    prog = (TIMER + "\nimport json\nimport mxnet as mx\nfrom mxnet import gluon, nd, autograd\n"
            + f"N = {n}\n" + legacy + RUN)
    try:
        res = subprocess.run([oracle, "-c", prog], capture_output=True, text=True,
                             timeout=1200)
        return json.loads(res.stdout.strip().splitlines()[-1])
    except Exception as e:  # the oracle is optional
        print(f"(MXNet not timed: {e})", file=sys.stderr)
        return {}


def run_jax(make_jax_step, n: int) -> float:
    ns: dict = {}
    exec(TIMER, ns)
    step, sync = make_jax_step()
    return ns["timeit"](step, sync, n)


def main(title: str, legacy: str, make_jax_step, n: int) -> None:
    mxc = run_mxcompat(legacy, n)
    jx = run_jax(make_jax_step, n)
    mxn = run_mxnet(legacy, n) if "--no-mxnet" not in sys.argv else {}
    print(f"{title}: median ms per training step (record, forward, loss, backward, "
          f"Trainer.step)")
    print(f"{'mode':10s} {'mxcompat':>9s} {'jax.jit':>9s} {'MXNet':>9s} {'mxc/jax':>8s} "
          f"{'mxc/MXNet':>9s}")
    for k in ("eager", "hybrid"):
        m, x = mxc[k], mxn.get(k)
        xs = f"{x:9.3f}" if x else f"{'-':>9s}"
        rs = f"{m / x:9.2f}" if x else f"{'-':>9s}"
        print(f"{k:10s} {m:9.3f} {jx:9.3f} {xs} {m / jx:8.2f} {rs}")
