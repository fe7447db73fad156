"""Per-call time of eager operators: mxcompat vs hand-written JAX vs real MXNet.

Run: python bench/eager_ops.py [--no-mxnet]
MXNet is timed through ../shared/tools/mxnet-oracle (override with MXNET_ORACLE).
Prints one table of median microseconds per call and the ratios.

Each case is a chain, as eager code is: every call takes the previous call's result
(``x = x + b``), so no implementation can skip or merge repeated identical calls, and the
time per call covers computing it. mxcompat queues eager calls and runs a recurring run
of them as one compiled program; JAX runs one jitted call per operator; MXNet's engine
runs one kernel per operator. Each case is one operator call per step; ``b`` is chosen so
the values stay finite where it matters (for ``dot`` an identity matrix, which no
implementation can know; ``exp`` reaches infinity after a few steps, as fast to compute).
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import time

import numpy as np

# (label, shapes of x and b, mxnet-style expression, plain-jax expression): x is replaced
# by the result after every call
CASES = [
    ("add 4x4", [(4, 4), (4, 4)], "x + b", "jnp.add(x, b)"),
    ("nd.elemwise_add 4x4", [(4, 4), (4, 4)], "nd.elemwise_add(x, b)", "jnp.add(x, b)"),
    ("mul scalar 4x4", [(4, 4)], "x * 0.999", "x * 0.999"),
    ("exp 4x4", [(4, 4)], "nd.exp(x)", "jnp.exp(x)"),
    ("sum 4x4 (axis 1, keepdims)", [(4, 4)], "nd.sum(x, axis=1, keepdims=True)",
     "jnp.sum(x, axis=1, keepdims=True)"),
    ("relu 64x64", [(64, 64)], "nd.relu(x)", "jax.nn.relu(x)"),
    ("dot 64x64", [(64, 64), (64, 64)], "nd.dot(x, b)", "jnp.dot(x, b)"),
    ("add 256x256", [(256, 256), (256, 256)], "x + b", "jnp.add(x, b)"),
    ("dot 256x256", [(256, 256), (256, 256)], "nd.dot(x, b)", "jnp.dot(x, b)"),
]

TIMER = r'''
import time, json, sys
import numpy as np
def timeit(step, sync, n):
    for _ in range(200): step()
    sync()
    reps = []
    for _ in range(7):
        t = time.perf_counter()
        for _ in range(n): step()
        sync()
        reps.append((time.perf_counter() - t) / n * 1e6)
    return float(np.median(reps))

def inputs(shapes, array):
    x = array(np.arange(np.prod(shapes[0])).reshape(shapes[0]) / 7.0 / np.prod(shapes[0]))
    if len(shapes) < 2:
        return x, None
    b = np.eye(shapes[1][0]) if shapes[1][0] > 4 else np.full(shapes[1], 0.001)
    return x, array(b)
'''

MX_PROG = TIMER + r'''
import mxnet as mx
from mxnet import nd
cases = json.loads(sys.argv[1]); out = {}
for label, shapes, expr, _ in cases:
    st = dict(zip("xb", inputs(shapes, nd.array)), nd=nd)
    f = eval("lambda x, b: " + expr, st)
    def step(st=st, f=f):
        st["x"] = f(st["x"], st["b"])
    out[label] = timeit(step, nd.waitall, 2000)
print(json.dumps(out))
'''


def run_mxcompat(cases, n=2000):
    ns: dict = {}
    exec(TIMER, ns)
    import mxcompat as mx
    nd = mx.nd
    out = {}
    for label, shapes, expr, _ in cases:
        st = dict(zip("xb", ns["inputs"](shapes, nd.array)))
        f = eval("lambda x, b: " + expr, dict(nd=nd))

        def step(st=st, f=f):
            st["x"] = f(st["x"], st["b"])
        out[label] = ns["timeit"](step, nd.waitall, n)
    return out


def run_jax(cases, n=2000):
    import jax
    import jax.numpy as jnp
    ns: dict = {}
    exec(TIMER, ns)
    out = {}
    for label, shapes, _, expr in cases:
        st = dict(zip("xb", ns["inputs"](shapes, lambda a: jnp.asarray(a, jnp.float32))))
        body = jax.jit(eval("lambda x, b: " + expr, dict(jnp=jnp, jax=jax)))

        def step(st=st, f=body):
            st["x"] = f(st["x"], st["b"])
        out[label] = ns["timeit"](step, lambda st=st: st["x"].block_until_ready(), n)
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
    print(f"{'operator':28s} {'mxcompat':>9s} {'jax.jit':>9s} {'MXNet':>9s} "
          f"{'mxc/jax':>8s} {'mxc/MXNet':>9s}   (median us per call)")
    for label, *_ in CASES:
        m, j, x = mxc[label], jx[label], mxn.get(label)
        xs = f"{x:9.2f}" if x else f"{'-':>9s}"
        rs = f"{m / x:9.2f}" if x else f"{'-':>9s}"
        print(f"{label:28s} {m:9.2f} {j:9.2f} {xs} {m / j:8.2f} {rs}")


if __name__ == "__main__":
    main()
