"""Shared harness of the Gluon training-step benchmarks (gluon_mlp.py, gluon_cnn.py).

A benchmark gives: ``LEGACY`` (a legacy Gluon program defining ``make(hybridize)`` that
returns a ``step()`` closure; run unchanged by mxcompat and by MXNet through the oracle)
and ``jax_step()`` (the same training step hand-written in JAX: ``jax.jit`` of
``value_and_grad`` plus the SGD update). ``main`` times all of them in one run and prints
the ratios.

mxcompat (eager and hybridized) and JAX run in the same process and are timed in turns:
each round times ``n`` steps of each, and the ratios printed are the medians of the
rounds' ratios, so a change of the machine's speed during the run (this shared machine's
speed drifts by tens of percent over minutes) affects both sides of a ratio alike.
MXNet runs in a process of its own (the oracle), timed in rounds the same way.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys

TIMER = r'''
import time
import numpy as np
def timeit(fn, sync, n, warm=30):
    for _ in range(warm): fn()
    sync()
    t = time.perf_counter()
    for _ in range(n): fn()
    sync()
    return (time.perf_counter() - t) / n * 1e3
'''

ROUNDS = 7

RUN = r'''
steps = {"hybrid" if hyb else "eager": make(hyb) for hyb in (False, True)}
out = {k: [] for k in steps}
for _ in range(ROUNDS):
    for k, step in steps.items():
        out[k].append(timeit(step, mx.nd.waitall, N))
print(json.dumps(out))
'''


def run_mxcompat_and_jax(legacy: str, make_jax_step, n: int) -> tuple[dict, list]:
    # Each round: n steps of mxcompat eager, of mxcompat hybridized, of hand-written JAX.
    ns: dict = {"N": n}
    exec(TIMER, ns)
    import mxcompat as mx
    ns["mx"] = mx
    ns["json"] = json
    exec("from mxcompat import gluon, nd, autograd\n" + legacy, ns)
    steps = {"hybrid" if hyb else "eager": ns["make"](hyb) for hyb in (False, True)}
    jstep, jsync = make_jax_step()
    out: dict = {k: [] for k in steps}
    jax_times: list = []
    for _ in range(ROUNDS):
        for k, step in steps.items():
            out[k].append(ns["timeit"](step, mx.nd.waitall, n))
        jax_times.append(ns["timeit"](jstep, jsync, n))
    return out, jax_times


def run_mxnet(legacy: str, n: int) -> dict:
    oracle = os.environ.get("MXNET_ORACLE") or os.path.join(
        os.path.dirname(os.path.abspath(__file__)), "..", "..", "shared", "tools",
        "mxnet-oracle")
    prog = (TIMER + "\nimport json\nimport mxnet as mx\nfrom mxnet import gluon, nd, autograd\n"
            + f"N = {n}\nROUNDS = {ROUNDS}\n" + legacy + RUN)
    try:
        res = subprocess.run([oracle, "-c", prog], capture_output=True, text=True,
                             timeout=1200)
        return json.loads(res.stdout.strip().splitlines()[-1])
    except Exception as e:  # the oracle is optional
        print(f"(MXNet not timed: {e})", file=sys.stderr)
        return {}


def _median(xs) -> float:
    xs = sorted(xs)
    m = len(xs) // 2
    return xs[m] if len(xs) % 2 else 0.5 * (xs[m - 1] + xs[m])


def main(title: str, legacy: str, make_jax_step, n: int) -> None:
    mxc, jx = run_mxcompat_and_jax(legacy, make_jax_step, n)
    mxn = run_mxnet(legacy, n) if "--no-mxnet" not in sys.argv else {}
    print(f"{title}: median ms per training step (record, forward, loss, backward, "
          f"Trainer.step), {ROUNDS} rounds of {n} steps")
    print(f"{'mode':10s} {'mxcompat':>9s} {'jax.jit':>9s} {'MXNet':>9s} {'mxc/jax':>8s} "
          f"{'mxc/MXNet':>9s}")
    for k in ("eager", "hybrid"):
        m, x = _median(mxc[k]), (_median(mxn[k]) if mxn.get(k) else None)
        r_jax = _median([a / b for a, b in zip(mxc[k], jx)])
        xs = f"{x:9.3f}" if x else f"{'-':>9s}"
        rs = f"{m / x:9.2f}" if x else f"{'-':>9s}"
        print(f"{k:10s} {m:9.3f} {_median(jx):9.3f} {xs} {r_jax:8.2f} {rs}")
