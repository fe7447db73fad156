"""Gluon MLP 784-256-10, batch 64, one SGD training step: mxcompat (hybridized and not)
vs hand-written jax.jit(value_and_grad) + SGD vs real MXNet 1.9.1 (through the oracle).

Run: python bench/gluon_mlp.py [--no-mxnet]
"""
from __future__ import annotations

import numpy as np

from _gluon_harness import main

LEGACY = r'''
def make(hybridize):
    rs = np.random.RandomState(0)
    X = nd.array(rs.uniform(0, 1, (64, 784)))
    Y = nd.array(rs.randint(0, 10, (64,)))
    net = gluon.nn.HybridSequential()
    with net.name_scope():
        net.add(gluon.nn.Dense(256, activation="relu"))
        net.add(gluon.nn.Dense(10))
    net.initialize(mx.init.Xavier())
    loss_fn = gluon.loss.SoftmaxCrossEntropyLoss()
    if hybridize:
        net.hybridize()
        loss_fn.hybridize()
    trainer = gluon.Trainer(net.collect_params(), "sgd", {"learning_rate": 0.1})

    def step():
        with autograd.record():
            loss = loss_fn(net(X), Y)
        loss.backward()
        trainer.step(64)
    return step
'''


def make_jax_step():
    import jax
    import jax.numpy as jnp

    def loss_fn(params, X, Y):
        w1, b1, w2, b2 = params
        h = jax.nn.relu(X @ w1.T + b1)
        out = h @ w2.T + b2
        logp = jax.nn.log_softmax(out)
        return -jnp.take_along_axis(logp, Y[:, None], 1).sum()

    @jax.jit
    def step(params, X, Y):
        loss, grads = jax.value_and_grad(loss_fn)(params, X, Y)
        return [p - 0.1 / 64 * g for p, g in zip(params, grads)], loss

    rs = np.random.RandomState(0)
    params = [jnp.asarray(rs.normal(0, 0.05, (256, 784)), jnp.float32), jnp.zeros(256, jnp.float32),
              jnp.asarray(rs.normal(0, 0.05, (10, 256)), jnp.float32), jnp.zeros(10, jnp.float32)]
    X = jnp.asarray(rs.uniform(0, 1, (64, 784)), jnp.float32)
    Y = jnp.asarray(rs.randint(0, 10, (64,)))
    state = [params, None]

    def run():
        state[0], state[1] = step(state[0], X, Y)

    return run, lambda: state[1].block_until_ready()


if __name__ == "__main__":
    main("Gluon MLP 784-256-10, batch 64", LEGACY, make_jax_step, 100)
