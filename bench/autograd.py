"""record + backward speed: mxcompat vs hand-written jax.jit(value_and_grad) vs real MXNet.

(a) a chain of 40 small elementwise operators on a (4, 4) array;
(b) an MLP 784-256-10, batch 64: forward, softmax cross-entropy, backward and a manual SGD
    update, written with mx.nd operators as legacy code does.
Run: python bench/autograd.py [--no-mxnet]
"""
from __future__ import annotations

import json
import os
import subprocess
import sys

import numpy as np

TIMER = r'''
import time
import numpy as np
def timeit(fn, sync, n, warm=20):
    for _ in range(warm): fn()
    sync()
    reps = []
    for _ in range(5):
        t = time.perf_counter()
        for _ in range(n): fn()
        sync()
        reps.append((time.perf_counter() - t) / n * 1e3)
    return float(np.median(reps))
'''

# The legacy program, shared by mxcompat and MXNet (``mx`` and ``nd`` are given).
LEGACY = r'''
def chain_step(x):
    with mx.autograd.record():
        y = x
        for i in range(10):
            y = nd.sin(y) * 1.01 + y
            y = nd.tanh(y)
        loss = y.sum()
    loss.backward()
    return x.grad

def make_mlp():
    rs = np.random.RandomState(0)
    w1 = nd.array(rs.normal(0, 0.05, (256, 784))); b1 = nd.zeros((256,))
    w2 = nd.array(rs.normal(0, 0.05, (10, 256))); b2 = nd.zeros((10,))
    params = [w1, b1, w2, b2]
    for p in params: p.attach_grad()
    X = nd.array(rs.uniform(0, 1, (64, 784)))
    Y = nd.array(rs.randint(0, 10, (64,)))
    return params, X, Y

def mlp_step(params, X, Y, lr=0.1):
    w1, b1, w2, b2 = params
    with mx.autograd.record():
        h = nd.relu(nd.FullyConnected(X, w1, b1, num_hidden=256))
        out = nd.FullyConnected(h, w2, b2, num_hidden=10)
        loss = nd.softmax_cross_entropy(out, Y) / 64
    loss.backward()
    for p in params:
        p[:] = p - lr * p.grad
    return loss
'''

MX_PROG = TIMER + r'''
import json
import mxnet as mx
from mxnet import nd
''' + LEGACY + r'''
x = nd.array(np.linspace(-1, 1, 16).reshape(4, 4)); x.attach_grad()
params, X, Y = make_mlp()
out = {"chain": timeit(lambda: chain_step(x), nd.waitall, 50),
       "mlp": timeit(lambda: mlp_step(params, X, Y), nd.waitall, 50)}
print(json.dumps(out))
'''


def run_mxcompat():
    ns: dict = {}
    exec(TIMER, ns)
    import mxcompat as mx
    from mxcompat import nd
    ns.update(mx=mx, nd=nd)
    exec(LEGACY, ns)
    x = nd.array(np.linspace(-1, 1, 16).reshape(4, 4))
    x.attach_grad()
    params, X, Y = ns["make_mlp"]()
    return {"chain": ns["timeit"](lambda: ns["chain_step"](x), nd.waitall, 50),
            "mlp": ns["timeit"](lambda: ns["mlp_step"](params, X, Y), nd.waitall, 50)}


def run_jax():
    import jax
    import jax.numpy as jnp
    ns: dict = {}
    exec(TIMER, ns)

    def chain(x):
        y = x
        for _ in range(10):
            y = jnp.tanh(jnp.sin(y) * 1.01 + y)
        return y.sum()

    gchain = jax.jit(jax.grad(chain))
    x = jnp.asarray(np.linspace(-1, 1, 16).reshape(4, 4), jnp.float32)
    res = [None]

    def loss_fn(params, X, Y):
        w1, b1, w2, b2 = params
        h = jax.nn.relu(X @ w1.T + b1)
        out = h @ w2.T + b2
        logp = jax.nn.log_softmax(out)
        return -jnp.take_along_axis(logp, Y[:, None], 1).sum() / 64

    @jax.jit
    def step(params, X, Y):
        loss, grads = jax.value_and_grad(loss_fn)(params, X, Y)
        return [p - 0.1 * g for p, g in zip(params, grads)], loss

    rs = np.random.RandomState(0)
    params = [jnp.asarray(rs.normal(0, 0.05, (256, 784)), jnp.float32), jnp.zeros(256, jnp.float32),
              jnp.asarray(rs.normal(0, 0.05, (10, 256)), jnp.float32), jnp.zeros(10, jnp.float32)]
    X = jnp.asarray(rs.uniform(0, 1, (64, 784)), jnp.float32)
    Y = jnp.asarray(rs.randint(0, 10, (64,)))
    state = [params]

    def mlp():
        state[0], res[0] = step(state[0], X, Y)

    def chain_call():
        res[0] = gchain(x)

    sync = lambda: res[0].block_until_ready()  # noqa: E731
    return {"chain": ns["timeit"](chain_call, sync, 50), "mlp": ns["timeit"](mlp, sync, 50)}


def run_mxnet():
    oracle = os.environ.get("MXNET_ORACLE") or os.path.join(
        os.path.dirname(os.path.abspath(__file__)), "..", "..", "shared", "tools",
        "mxnet-oracle")
    try:
        res = subprocess.run([oracle, "-c", MX_PROG], capture_output=True, text=True,
                             timeout=900)
        return json.loads(res.stdout.strip().splitlines()[-1])
    except Exception as e:
        print(f"(MXNet not timed: {e})", file=sys.stderr)
        return {}


def main():
    mxc = run_mxcompat()
    jx = run_jax()
    mxn = run_mxnet() if "--no-mxnet" not in sys.argv else {}
    print(f"{'case':40s} {'mxcompat':>9s} {'jax.jit':>9s} {'MXNet':>9s} {'mxc/jax':>8s} "
          f"{'mxc/MXNet':>9s}   (median ms per step)")
    labels = {"chain": "(a) record+backward, 40 elementwise ops",
              "mlp": "(b) MLP 784-256-10 b64 step (SGD)"}
    for k, label in labels.items():
        m, j, x = mxc[k], jx[k], mxn.get(k)
        xs = f"{x:9.3f}" if x else f"{'-':>9s}"
        rs = f"{m / x:9.2f}" if x else f"{'-':>9s}"
        print(f"{label:40s} {m:9.3f} {j:9.3f} {xs} {m / j:8.2f} {rs}")


if __name__ == "__main__":
    main()
