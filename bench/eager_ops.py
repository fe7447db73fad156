"""Per-call time of eager operators: mxcompat vs hand-written JAX vs real MXNet.

Run: python bench/eager_ops.py [--no-mxnet]
MXNet is timed through ../shared/tools/mxnet-oracle (override with MXNET_ORACLE).
Prints one table of median microseconds per call and the ratios.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import time

import numpy as np

# (label, setup shapes, mxnet-style expression, plain-jax expression)
CASES = [
    ("add 4x4", [(4, 4), (4, 4)], "a + b", "jnp.add(a, b)"),
    ("nd.elemwise_add 4x4", [(4, 4), (4, 4)], "nd.elemwise_add(a, b)", "jnp.add(a, b)"),
    ("mul scalar 4x4", [(4, 4)], "a * 2.0", "a * 2.0"),
    ("exp 4x4", [(4, 4)], "nd.exp(a)", "jnp.exp(a)"),
    ("sum 4x4", [(4, 4)], "nd.sum(a)", "jnp.sum(a)"),
    ("relu 64x64", [(64, 64)], "nd.relu(a)", "jax.nn.relu(a)"),
    ("dot 64x64", [(64, 64), (64, 64)], "nd.dot(a, b)", "jnp.dot(a, b)"),
    ("add 256x256", [(256, 256), (256, 256)], "a + b", "jnp.add(a, b)"),
    ("dot 256x256", [(256, 256), (256, 256)], "nd.dot(a, b)", "jnp.dot(a, b)"),
]

TIMER = r'''
import time, json, sys
import numpy as np
def timeit(fn, sync, n):
    for _ in range(200): fn()
    sync()
    reps = []
    for _ in range(7):
        t = time.perf_counter()
        for _ in range(n): fn()
        sync()
        reps.append((time.perf_counter() - t) / n * 1e6)
    return float(np.median(reps))
'''

MX_PROG = TIMER + r'''
import mxnet as mx
from mxnet import nd
cases = json.loads(sys.argv[1]); out = {}
for label, shapes, expr, _ in cases:
    vals = [nd.array(np.arange(np.prod(s)).reshape(s) / 7.0) for s in shapes]
    env = dict(zip("ab", vals), nd=nd)
    f = eval("lambda: " + expr, env)
    out[label] = timeit(f, nd.waitall, 2000)
print(json.dumps(out))
'''


def run_mxcompat(cases, n=2000):
    ns: dict = {}
    exec(TIMER, ns)
    import mxcompat as mx
    nd = mx.nd
    out = {}
    for label, shapes, expr, _ in cases:
        vals = [nd.array(np.arange(np.prod(s)).reshape(s) / 7.0) for s in shapes]
        env = dict(zip("ab", vals), nd=nd)
        f = eval("lambda: " + expr, env)
        out[label] = ns["timeit"](f, nd.waitall, n)
    return out


def run_jax(cases, n=2000):
    import jax
    import jax.numpy as jnp
    ns: dict = {}
    exec(TIMER, ns)
    out = {}
    for label, shapes, _, expr in cases:
        vals = [jnp.asarray(np.arange(np.prod(s)).reshape(s) / 7.0, jnp.float32)
                for s in shapes]
        body = jax.jit(eval("lambda a=None, b=None: " + expr, dict(jnp=jnp, jax=jax)))
        f = (lambda v=vals, g=body: g(*v))
        last = [None]

        def call(f=f):
            last[0] = f()
        out[label] = ns["timeit"](call, lambda: last[0].block_until_ready(), n)
    return out


def run_mxnet(cases):
    oracle = os.environ.get("MXNET_ORACLE") or os.path.join(
        os.path.dirname(__file__), "..", "..", "shared", "tools", "mxnet-oracle")
    try:
        res = subprocess.run([oracle, "-c", MX_PROG, json.dumps(cases)], capture_output=True,
                             text=True, timeout=600)
        return json.loads(res.stdout.strip().splitlines()[-1])
    except Exception as e:  # no oracle here: report without it
        print(f"(MXNet not timed: {e})", file=sys.stderr)
        return {}


def main():
    with_mx = "--no-mxnet" not in sys.argv
    mxc = run_mxcompat(CASES)
    jx = run_jax(CASES)
    mxn = run_mxnet(CASES) if with_mx else {}
    print(f"{'operator':24s} {'mxcompat':>9s} {'jax.jit':>9s} {'MXNet':>9s} "
          f"{'mxc/jax':>8s} {'mxc/MXNet':>9s}   (median us per call)")
    for label, *_ in CASES:
        m, j, x = mxc[label], jx[label], mxn.get(label)
        xs = f"{x:9.2f}" if x else f"{'-':>9s}"
        rs = f"{m / x:9.2f}" if x else f"{'-':>9s}"
        print(f"{label:24s} {m:9.2f} {j:9.2f} {xs} {m / j:8.2f} {rs}")


if __name__ == "__main__":
    main()
